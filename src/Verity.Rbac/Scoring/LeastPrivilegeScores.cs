namespace Verity.Rbac.Scoring;

/// <summary>
/// Least-privilege scores of a cluster (docs/rbac.md): per service account, per namespace and for the
/// cluster. <see cref="Cluster"/> is the mean over every service account (so it moves with each fix);
/// <see cref="Lowest"/> is the worst account, which a single cluster-admin workload drags to 60 or below.
/// </summary>
public sealed record LeastPrivilegeScores(
    IReadOnlyList<AccountScore> Accounts,
    IReadOnlyList<NamespaceScore> Namespaces,
    double Cluster,
    AccountScore? Lowest);
