using Verity.Core.Model;
using Verity.Core.Selectors;

namespace Verity.Rbac.Model;

/// <summary>
/// A compiled Role (namespaced) or ClusterRole (<see cref="Namespace"/> null). For an aggregated
/// ClusterRole <see cref="Rules"/> are the aggregated rules (what the clusterroleaggregation
/// controller writes), and <see cref="AggregationSelectors"/> is non-null.
/// </summary>
public sealed record Role
{
    public const string RoleKind = "Role";
    public const string ClusterRoleKind = "ClusterRole";

    public required string Kind { get; init; }
    public string? Namespace { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<PolicyRule> Rules { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The compiled <c>aggregationRule.clusterRoleSelectors</c>; null when the role is not aggregated.</summary>
    public IReadOnlyList<LabelSelector>? AggregationSelectors { get; init; }

    public required KubeObject Source { get; init; }

    public bool IsClusterRole => Kind == ClusterRoleKind;

    public bool IsAggregated => AggregationSelectors is not null;

    /// <summary><c>ClusterRole/view</c> or <c>Role/ns/name</c>.</summary>
    public override string ToString() => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}
