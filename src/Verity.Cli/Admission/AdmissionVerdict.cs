using Verity.Core.Model;

namespace Verity.Cli.Admission;

/// <summary>
/// What the API server would answer for one object: allowed or not, every violation (PSA and guardrails; excepted
/// guardrail violations are not listed — their exception is recorded in <see cref="AuditAnnotations"/>), the warnings
/// a client is shown and the audit annotations recorded. <see cref="Note"/> says why nothing was evaluated, if so.
/// </summary>
internal sealed record AdmissionVerdict(KubeObject Object)
{
    public IReadOnlyList<AdmissionViolation> Violations { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public IReadOnlyDictionary<string, string> AuditAnnotations { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
    public string? Note { get; init; }

    public bool Allowed => !Violations.Any(v => v.Denies);

    /// <summary><c>namespace/kind/name</c> with the kind lower-case; cluster-scoped objects: <c>kind/name</c>.</summary>
    public string Resource => Output.ResourceName.Of(Object);
}
