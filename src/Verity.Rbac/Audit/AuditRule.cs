namespace Verity.Rbac.Audit;

/// <summary>
/// A generated rbac.authorization.k8s.io/v1 PolicyRule: either a resource rule (<see cref="ApiGroups"/>,
/// <see cref="Resources"/>, optional <see cref="ResourceNames"/>) or a non-resource rule
/// (<see cref="NonResourceUrls"/>). Every list is sorted (ordinal) and without duplicates.
/// </summary>
public sealed record AuditRule
{
    public required IReadOnlyList<string> Verbs { get; init; }
    public IReadOnlyList<string> ApiGroups { get; init; } = [];
    public IReadOnlyList<string> Resources { get; init; } = [];
    public IReadOnlyList<string> ResourceNames { get; init; } = [];
    public IReadOnlyList<string> NonResourceUrls { get; init; } = [];

    /// <summary>True for a <c>nonResourceURLs</c> rule.</summary>
    public bool IsNonResource => NonResourceUrls.Count > 0;
}
