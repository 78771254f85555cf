using System.Text.Json;
using Verity.Core.Model;

namespace Verity.Core.Snapshots;

/// <summary>
/// Which kinds are cluster-scoped. Without an API server to ask (kubectl uses discovery), Verity knows
/// the built-in cluster-scoped kinds (https://kubernetes.io/docs/reference/generated/kubernetes-api/),
/// those of widely used CRDs, and the scope of every CustomResourceDefinition in the input
/// (<c>spec.scope</c>). Any other kind is taken as namespaced, kubectl's answer for most kinds.
/// </summary>
public sealed class ApiScopes
{
    private static readonly HashSet<(string Group, string Kind)> BuiltIn =
    [
        ("", "Namespace"), ("", "Node"), ("", "PersistentVolume"), ("", "ComponentStatus"),
        ("rbac.authorization.k8s.io", "ClusterRole"), ("rbac.authorization.k8s.io", "ClusterRoleBinding"),
        ("storage.k8s.io", "StorageClass"), ("storage.k8s.io", "CSIDriver"), ("storage.k8s.io", "CSINode"),
        ("storage.k8s.io", "VolumeAttachment"), ("storage.k8s.io", "VolumeAttributesClass"),
        ("apiextensions.k8s.io", "CustomResourceDefinition"), ("apiregistration.k8s.io", "APIService"),
        ("admissionregistration.k8s.io", "MutatingWebhookConfiguration"), ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"),
        ("admissionregistration.k8s.io", "ValidatingAdmissionPolicy"), ("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding"),
        ("admissionregistration.k8s.io", "MutatingAdmissionPolicy"), ("admissionregistration.k8s.io", "MutatingAdmissionPolicyBinding"),
        ("scheduling.k8s.io", "PriorityClass"), ("node.k8s.io", "RuntimeClass"),
        ("networking.k8s.io", "IngressClass"), ("networking.k8s.io", "IPAddress"), ("networking.k8s.io", "ServiceCIDR"),
        ("certificates.k8s.io", "CertificateSigningRequest"), ("certificates.k8s.io", "ClusterTrustBundle"),
        ("flowcontrol.apiserver.k8s.io", "FlowSchema"), ("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration"),
        ("policy", "PodSecurityPolicy"), ("extensions", "PodSecurityPolicy"),
        ("resource.k8s.io", "DeviceClass"), ("resource.k8s.io", "ResourceSlice"),
        ("authentication.k8s.io", "TokenReview"), ("authentication.k8s.io", "SelfSubjectReview"),
        ("authorization.k8s.io", "SubjectAccessReview"), ("authorization.k8s.io", "SelfSubjectAccessReview"),
        ("authorization.k8s.io", "SelfSubjectRulesReview"),
        // Widely used CRDs.
        ("policy.networking.k8s.io", "ClusterNetworkPolicy"), ("policy.networking.k8s.io", "AdminNetworkPolicy"),
        ("policy.networking.k8s.io", "BaselineAdminNetworkPolicy"),
        ("cilium.io", "CiliumClusterwideNetworkPolicy"), ("cilium.io", "CiliumNode"), ("cilium.io", "CiliumIdentity"),
        ("cilium.io", "CiliumClusterwideEnvoyConfig"), ("cilium.io", "CiliumLoadBalancerIPPool"),
        ("crd.projectcalico.org", "GlobalNetworkPolicy"), ("crd.projectcalico.org", "GlobalNetworkSet"),
        ("projectcalico.org", "GlobalNetworkPolicy"), ("projectcalico.org", "GlobalNetworkSet"),
        ("kyverno.io", "ClusterPolicy"), ("kyverno.io", "ClusterCleanupPolicy"), ("wgpolicyk8s.io", "ClusterPolicyReport"),
        ("cert-manager.io", "ClusterIssuer"), ("templates.gatekeeper.sh", "ConstraintTemplate"),
        ("config.gatekeeper.sh", "Config"),
    ];

    private readonly Dictionary<(string Group, string Kind), bool> _fromCrds = [];

    /// <summary>Learns the scope of every CustomResourceDefinition among <paramref name="objects"/>.</summary>
    public ApiScopes(IEnumerable<KubeObject> objects)
    {
        foreach (var crd in objects.Where(o => o.Kind == "CustomResourceDefinition" && o.Ref.Group == "apiextensions.k8s.io"))
        {
            if (crd.Raw.TryGetProperty("spec", out var spec) && spec.ValueKind == JsonValueKind.Object
                && spec.TryGetProperty("group", out var group) && group.ValueKind == JsonValueKind.String
                && spec.TryGetProperty("names", out var names) && names.ValueKind == JsonValueKind.Object
                && names.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String)
            {
                var cluster = spec.TryGetProperty("scope", out var scope) && scope.ValueKind == JsonValueKind.String && scope.GetString() == "Cluster";
                _fromCrds[(group.GetString()!, kind.GetString()!)] = cluster;
            }
        }
    }

    public bool IsClusterScoped(string group, string kind) =>
        _fromCrds.TryGetValue((group, kind), out var cluster) ? cluster
        : BuiltIn.Contains((group, kind)) || group == "constraints.gatekeeper.sh";
}
