using Verity.Posture.Isolation;

namespace Verity.Posture.Scoring;

/// <summary>
/// The posture of one snapshot. <see cref="Score"/> is 0–100 over every (check, subject) pair
/// (see <see cref="ScoreTally"/> and docs/output.md); <see cref="Namespaces"/> are ordered by name and
/// list every namespace with at least one evaluated pair; <see cref="Findings"/> are ordered by severity
/// (most serious first), then rule, resource and source position, so output is stable.
/// <see cref="Isolation"/> gives the network isolation of every namespace of the snapshot, ordered by name,
/// whatever checks ran: facts for the report, not scored themselves.
/// </summary>
public sealed record Scorecard(
    int Score,
    int Checked,
    int Failed,
    IReadOnlyList<NamespaceScore> Namespaces,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<IPostureCheck> Checks)
{
    public IReadOnlyList<NamespaceIsolation> Isolation { get; init; } = [];

    /// <summary>The isolation of namespace <paramref name="name"/>, or null when the snapshot does not hold it.</summary>
    public NamespaceIsolation? IsolationOf(string name) => Isolation.FirstOrDefault(i => i.Namespace == name);
}
