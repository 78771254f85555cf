namespace Verity.Rbac.Model;

/// <summary>
/// One compiled rbac.authorization.k8s.io/v1 PolicyRule
/// (https://kubernetes.io/docs/reference/kubernetes-api/authorization-resources/cluster-role-v1/#ClusterRole)
/// with where it came from. Lists are as written (no normalisation), because matching is by exact
/// string like the API server's. Two rules are <see cref="SameContent"/> when their lists are equal,
/// whatever their origin — what the aggregation controller's <c>ruleExists</c> compares.
/// </summary>
public sealed record PolicyRule
{
    public required IReadOnlyList<string> Verbs { get; init; }
    public IReadOnlyList<string> ApiGroups { get; init; } = [];
    public IReadOnlyList<string> Resources { get; init; } = [];
    public IReadOnlyList<string> ResourceNames { get; init; } = [];
    public IReadOnlyList<string> NonResourceUrls { get; init; } = [];
    public required RuleOrigin Origin { get; init; }

    /// <summary>True when every list equals the other rule's (order included, as reflect.DeepEqual).</summary>
    public bool SameContent(PolicyRule other) =>
        Verbs.SequenceEqual(other.Verbs) && ApiGroups.SequenceEqual(other.ApiGroups) && Resources.SequenceEqual(other.Resources)
        && ResourceNames.SequenceEqual(other.ResourceNames) && NonResourceUrls.SequenceEqual(other.NonResourceUrls);

    /// <summary>A compact form like kubectl describe: <c>verbs=[get list] apiGroups=[""] resources=[pods]</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string> { $"verbs=[{string.Join(" ", Verbs)}]" };
        if (ApiGroups.Count > 0) parts.Add($"apiGroups=[{string.Join(" ", ApiGroups.Select(g => g.Length == 0 ? "\"\"" : g))}]");
        if (Resources.Count > 0) parts.Add($"resources=[{string.Join(" ", Resources)}]");
        if (ResourceNames.Count > 0) parts.Add($"resourceNames=[{string.Join(" ", ResourceNames)}]");
        if (NonResourceUrls.Count > 0) parts.Add($"nonResourceURLs=[{string.Join(" ", NonResourceUrls)}]");
        return string.Join(" ", parts);
    }
}
