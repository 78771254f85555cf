namespace Verity.Kube.Kinds;

/// <summary>
/// The kinds a snapshot needs, listed in this order. Adding a kind is one line. Secrets and ConfigMaps are
/// deliberately absent: they hold sensitive or bulky data no engine reads.
/// </summary>
internal static class ApiKinds
{
    private const string Rbac = "rbac.authorization.k8s.io";
    private const string PolicyNetworking = "policy.networking.k8s.io";

    public static readonly IReadOnlyList<ApiKind> All =
    [
        new("", "v1", "namespaces", "Namespace", Namespaced: false),
        new("", "v1", "pods", "Pod", Namespaced: true),
        new("", "v1", "services", "Service", Namespaced: true),
        new("", "v1", "serviceaccounts", "ServiceAccount", Namespaced: true),
        new("", "v1", "replicationcontrollers", "ReplicationController", Namespaced: true),
        new("apps", "v1", "deployments", "Deployment", Namespaced: true),
        new("apps", "v1", "replicasets", "ReplicaSet", Namespaced: true),
        new("apps", "v1", "statefulsets", "StatefulSet", Namespaced: true),
        new("apps", "v1", "daemonsets", "DaemonSet", Namespaced: true),
        new("batch", "v1", "jobs", "Job", Namespaced: true),
        new("batch", "v1", "cronjobs", "CronJob", Namespaced: true),
        new("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", Namespaced: true),
        new(Rbac, "v1", "roles", "Role", Namespaced: true),
        new(Rbac, "v1", "rolebindings", "RoleBinding", Namespaced: true),
        new(Rbac, "v1", "clusterroles", "ClusterRole", Namespaced: false),
        new(Rbac, "v1", "clusterrolebindings", "ClusterRoleBinding", Namespaced: false),
        // CRDs of the Network Policy API project (https://network-policy-api.sigs.k8s.io/); often not installed.
        new(PolicyNetworking, "v1alpha2", "clusternetworkpolicies", "ClusterNetworkPolicy", Namespaced: false, Optional: true),
        new(PolicyNetworking, "v1alpha1", "adminnetworkpolicies", "AdminNetworkPolicy", Namespaced: false, Optional: true),
        new(PolicyNetworking, "v1alpha1", "baselineadminnetworkpolicies", "BaselineAdminNetworkPolicy", Namespaced: false, Optional: true),
    ];
}
