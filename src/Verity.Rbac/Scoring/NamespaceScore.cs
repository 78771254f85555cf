namespace Verity.Rbac.Scoring;

/// <summary>A namespace's least-privilege score: the mean of its service accounts' scores, one decimal.</summary>
public sealed record NamespaceScore(string Namespace, double Score, int Accounts, int Lowest);
