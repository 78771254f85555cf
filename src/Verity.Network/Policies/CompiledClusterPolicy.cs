using Verity.Core.Model;

namespace Verity.Network.Policies;

/// <summary>
/// A cluster-scoped policy: ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2, tier Admin or
/// Baseline), AdminNetworkPolicy (v1alpha1, Admin tier) or BaselineAdminNetworkPolicy (v1alpha1, Baseline
/// tier, no priority). <see cref="Subject"/> selects the pods it applies to (host-network pods never).
/// Within a tier, policies are evaluated by ascending <see cref="Priority"/>, rules in written order.
/// </summary>
public sealed record CompiledClusterPolicy(
    KubeObject Source,
    ClusterTier Tier,
    int Priority,
    PodPeer Subject,
    IReadOnlyList<ClusterRule> Ingress,
    IReadOnlyList<ClusterRule> Egress)
{
    public string Name => Source.Name;

    public string Display => $"{Source.Kind} {Source.Name}";
}
