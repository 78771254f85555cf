using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Posture;

/// <summary>
/// One posture rule. A check is pure: it reads the snapshot and returns findings, nothing else.
/// <para>
/// <see cref="Subjects"/> lists every object the rule applies to (e.g. every workload); each
/// (check, subject) pair passes unless <see cref="Evaluate"/> returns a finding for that subject. The
/// scorecard is computed over those pairs, so a check must list a subject even when it passes.
/// </para>
/// Implementations are discovered by <see cref="CheckRegistry"/>: adding a check is adding one file.
/// </summary>
public interface IPostureCheck
{
    /// <summary>Stable rule id, <c>VT-AREA-NNN</c> (e.g. <c>VT-NET-001</c>).</summary>
    string Id { get; }

    Severity Severity { get; }

    /// <summary>A short title in the form of the good practice ("Namespaces have a NetworkPolicy").</summary>
    string Title { get; }

    /// <summary>Benchmark controls this rule maps to (see <see cref="Controls"/> class for the spelling).</summary>
    IReadOnlyList<string> Controls { get; }

    /// <summary>Every object the rule applies to in <paramref name="snapshot"/>.</summary>
    IEnumerable<ResourceRef> Subjects(Snapshot snapshot);

    /// <summary>Every violation in <paramref name="snapshot"/>; subjects are among <see cref="Subjects"/>.</summary>
    IEnumerable<Finding> Evaluate(Snapshot snapshot);
}
