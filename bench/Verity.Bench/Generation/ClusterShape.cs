namespace Verity.Bench.Generation;

/// <summary>
/// The size of a synthetic cluster. Every namespace gets the same shape: <see cref="WorkloadsPerNamespace"/>
/// Deployments, each with one ReplicaSet and <see cref="Replicas"/> Pods and its own ServiceAccount (plus the
/// namespace's <c>default</c> one), <see cref="ServicesPerNamespace"/> Services,
/// <see cref="NetworkPoliciesPerNamespace"/> NetworkPolicies (default-deny, DNS egress, then allow rules) and
/// <see cref="RolesPerNamespace"/> Roles and as many RoleBindings. ClusterRoles and ClusterRoleBindings are
/// cluster-wide.
/// </summary>
public sealed record ClusterShape
{
    /// <summary>Objects in each namespace besides workloads: the Namespace and its <c>default</c> ServiceAccount.</summary>
    private const int FixedPerNamespace = 2;

    public int Namespaces { get; init; } = 10;
    public int WorkloadsPerNamespace { get; init; } = 10;
    public int Replicas { get; init; } = 3;
    public int ServicesPerNamespace { get; init; } = 10;
    public int NetworkPoliciesPerNamespace { get; init; } = 6;
    public int RolesPerNamespace { get; init; } = 3;
    public int ClusterRoles { get; init; } = 40;
    public int ClusterRoleBindings { get; init; } = 40;
    public int Seed { get; init; } = 20250301;

    /// <summary>
    /// How many distinct container ports (number and protocol) the cluster declares; null keeps the catalog's own
    /// (17 with the system namespaces and sidecars). A larger number adds ports from
    /// <see cref="Catalog.ExtraPorts"/> to some application workloads until the count is exact.
    /// </summary>
    public int? ContainerPorts { get; init; }

    /// <summary>
    /// Namespace-dependent NetworkPolicies (off by default, which keeps the load benchmark's bytes): the allow
    /// policies rotate over the namespace's workloads, egress within the namespace is allowed, some allow
    /// policies admit frontends of the team's other namespaces
    /// (namespaceSelector + podSelector), some open egress by named port, and ipBlock egress rules are spread
    /// over namespaces rather than tied to the fourth allow policy.
    /// </summary>
    public bool VariedNetworkPolicies { get; init; }

    /// <summary>ClusterNetworkPolicies (policy.networking.k8s.io/v1alpha2, Admin and Baseline tiers), at most <see cref="ClusterPolicyObjects.Count"/>.</summary>
    public int ClusterNetworkPolicies { get; init; }

    /// <summary>
    /// The "changed" revision of the cluster: this many allow policies, spread evenly over the application
    /// namespaces, are edited (ingress opened to the whole namespace, the main ingress rule dropped, a port
    /// range added, in turn). 0 is the original.
    /// </summary>
    public int PolicyEdits { get; init; }

    /// <summary>Objects in one namespace, the Namespace object included.</summary>
    public int ObjectsPerNamespace =>
        FixedPerNamespace + WorkloadsPerNamespace * (3 + Replicas) + ServicesPerNamespace + NetworkPoliciesPerNamespace + 2 * RolesPerNamespace;

    /// <summary>How many objects the cluster has in all.</summary>
    public int ObjectCount => Namespaces * ObjectsPerNamespace + ClusterRoles + ClusterRoleBindings + ClusterNetworkPolicies;

    /// <summary>
    /// The default shape scaled to <paramref name="objects"/> objects: the number of namespaces grows, and the
    /// remainder is made up with ClusterRoles and ClusterRoleBindings so the count is exact (for at least
    /// <see cref="ObjectsPerNamespace"/> + 2 objects). 50,000 objects: 594 namespaces, 17,820 pods.
    /// </summary>
    public static ClusterShape ForObjectCount(int objects, int? seed = null)
    {
        var shape = new ClusterShape();
        if (seed is { } s) shape = shape with { Seed = s };
        var perNamespace = shape.ObjectsPerNamespace;
        var namespaces = Math.Max(1, (objects - shape.ClusterRoles - shape.ClusterRoleBindings) / perNamespace);
        var clusterWide = Math.Max(2, objects - namespaces * perNamespace);
        return shape with
        {
            Namespaces = namespaces,
            ClusterRoles = (clusterWide + 1) / 2,
            ClusterRoleBindings = clusterWide / 2,
        };
    }

    /// <summary>Throws for sizes the generator cannot honour (bad arguments are a bug in the caller).</summary>
    public void Validate()
    {
        if (Namespaces < 1) throw new ArgumentOutOfRangeException(nameof(Namespaces), "at least one namespace");
        if (WorkloadsPerNamespace < 1) throw new ArgumentOutOfRangeException(nameof(WorkloadsPerNamespace), "at least one workload per namespace");
        if (Replicas < 0 || ServicesPerNamespace < 0 || NetworkPoliciesPerNamespace < 0 || RolesPerNamespace < 0 || ClusterRoles < 0 || ClusterRoleBindings < 0)
            throw new ArgumentOutOfRangeException(nameof(Replicas), "sizes cannot be negative");
        if ((long)Namespaces * WorkloadsPerNamespace * Replicas > 3_000_000)
            throw new ArgumentOutOfRangeException(nameof(Replicas), "more than 3,000,000 pods do not fit the pod CIDR");
        if (ClusterNetworkPolicies < 0 || ClusterNetworkPolicies > ClusterPolicyObjects.Count)
            throw new ArgumentOutOfRangeException(nameof(ClusterNetworkPolicies), $"from 0 to {ClusterPolicyObjects.Count} ClusterNetworkPolicies");
        if (PolicyEdits < 0 || PolicyEdits > 0 && (NetworkPoliciesPerNamespace < 3 || PolicyEdits > Math.Max(0, Namespaces - Catalog.SystemNamespaces.Length)))
            throw new ArgumentOutOfRangeException(nameof(PolicyEdits), "policy edits need an allow policy per namespace (3 or more per namespace) and at most one edit per application namespace");
    }
}
