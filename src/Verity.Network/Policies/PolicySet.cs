using Verity.Core.Model;

namespace Verity.Network.Policies;

/// <summary>Every compiled policy of a snapshot, cluster policies sorted by tier, priority and name.</summary>
public sealed record PolicySet(
    IReadOnlyList<CompiledNetworkPolicy> NetworkPolicies,
    IReadOnlyList<CompiledClusterPolicy> ClusterPolicies,
    IReadOnlyList<Diagnostic> Diagnostics);
