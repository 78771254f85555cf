using Verity.Core.Model;
using Verity.Core.Selectors;

namespace Verity.Network.Policies;

/// <summary>
/// A networking.k8s.io/v1 NetworkPolicy, compiled. It selects pods of its own namespace with
/// <see cref="PodSelector"/> (an absent podSelector is empty and selects every pod: the field is not a
/// pointer in the API). <see cref="AffectsIngress"/>/<see cref="AffectsEgress"/> come from policyTypes, or
/// when absent: Ingress always, Egress only if the policy has egress rules (API reference,
/// NetworkPolicySpec.policyTypes). A selected pod is isolated in a direction the policy affects; its rules
/// then say what is allowed, and an empty rule list allows nothing.
/// </summary>
public sealed record CompiledNetworkPolicy(
    KubeObject Source,
    string Namespace,
    LabelSelector PodSelector,
    bool AffectsIngress,
    bool AffectsEgress,
    IReadOnlyList<PolicyRule> Ingress,
    IReadOnlyList<PolicyRule> Egress)
{
    public string Name => Source.Name;
}
