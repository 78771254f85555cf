using Verity.Core.Selectors;
using Verity.Network.Model;

namespace Verity.Network.Policies;

/// <summary>
/// A peer that selects pods by labels (networking.k8s.io/v1 NetworkPolicyPeer, or a cluster policy's
/// <c>pods</c>/<c>namespaces</c> peer). A null <see cref="NamespaceSelector"/> means "the namespace
/// <see cref="PolicyNamespace"/>" (a NetworkPolicy peer with podSelector alone); a null
/// <see cref="PodSelector"/> means every pod of the selected namespaces (namespaceSelector alone). When both
/// are set they are ANDed. Host-network pods and external addresses never match.
/// </summary>
public sealed record PodPeer(LabelSelector? PodSelector, LabelSelector? NamespaceSelector, string? PolicyNamespace) : Peer
{
    public override bool Matches(Endpoint endpoint, NetworkOptions options)
    {
        if (!endpoint.IsPolicyTarget) return false;
        var inNamespace = NamespaceSelector is null ? endpoint.Namespace == PolicyNamespace : NamespaceSelector.Matches(endpoint.NamespaceLabels);
        return inNamespace && (PodSelector is null || PodSelector.Matches(endpoint.Labels));
    }

    public override string Describe()
    {
        var pods = PodSelector is null ? "all pods" : PodSelector.IsEverything ? "all pods" : $"pods with {PodSelector}";
        var namespaces = NamespaceSelector is null ? $"namespace {PolicyNamespace}"
            : NamespaceSelector.IsEverything ? "all namespaces" : $"namespaces with {NamespaceSelector}";
        return $"{pods} in {namespaces}";
    }
}
