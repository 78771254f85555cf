using Verity.Posture.Isolation;
using Verity.Rbac.Scoring;

namespace Verity.Posture.Scoring;

/// <summary>
/// The posture of one snapshot. <see cref="Score"/> is 0–100 over every (check, subject) pair
/// (see <see cref="ScoreTally"/> and docs/output.md); <see cref="Namespaces"/> are ordered by name and
/// list every namespace with at least one evaluated pair; <see cref="Findings"/> are ordered by severity
/// (most serious first), then rule, resource and source position, so output is stable.
/// <see cref="Isolation"/> gives the network isolation of every namespace of the snapshot, ordered by name,
/// whatever checks ran: facts for the report, not scored themselves; so is <see cref="LeastPrivilege"/>.
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

    /// <summary>
    /// The RBAC least-privilege scores (docs/rbac.md): per service account, per namespace (the mean of its accounts)
    /// and for the cluster. Facts for the report, like <see cref="Isolation"/>; the RBAC checks are what is scored.
    /// </summary>
    public LeastPrivilegeScores? LeastPrivilege { get; init; }

    /// <summary>The least-privilege score of namespace <paramref name="name"/>, or null when it has no service account.</summary>
    public Verity.Rbac.Scoring.NamespaceScore? LeastPrivilegeOf(string name) => LeastPrivilege?.Namespaces.FirstOrDefault(n => n.Namespace == name);

    /// <summary>The isolation of namespace <paramref name="name"/>, or null when the snapshot does not hold it.</summary>
    public NamespaceIsolation? IsolationOf(string name) => Isolation.FirstOrDefault(i => i.Namespace == name);
}
