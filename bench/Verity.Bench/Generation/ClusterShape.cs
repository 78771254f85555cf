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

    /// <summary>Objects in one namespace, the Namespace object included.</summary>
    public int ObjectsPerNamespace =>
        FixedPerNamespace + WorkloadsPerNamespace * (3 + Replicas) + ServicesPerNamespace + NetworkPoliciesPerNamespace + 2 * RolesPerNamespace;

    /// <summary>How many objects the cluster has in all.</summary>
    public int ObjectCount => Namespaces * ObjectsPerNamespace + ClusterRoles + ClusterRoleBindings;

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
    }
}
