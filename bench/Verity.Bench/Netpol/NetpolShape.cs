using Verity.Bench.Commands;
using Verity.Bench.Generation;

namespace Verity.Bench.Netpol;

/// <summary>
/// The cluster shape for the network benchmark from totals (issue 3, point 7: 10,000 pods, 2,000
/// NetworkPolicies, 500 namespaces, 20 ports): pods and policies are spread evenly over the namespaces, ten
/// workloads per namespace (fewer when the pods per namespace are not a multiple of ten).
/// </summary>
internal static class NetpolShape
{
    public static ClusterShape From(int pods, int policies, int namespaces, int ports, int clusterPolicies, int edits, int? seed)
    {
        if (namespaces < 4) throw new UsageException("--namespaces must be at least 4 (three system namespaces and an application one)");
        if (pods % namespaces != 0 || pods / namespaces == 0) throw new UsageException($"--pods ({pods}) must be a positive multiple of --namespaces ({namespaces})");
        if (policies % namespaces != 0 || policies / namespaces < 3) throw new UsageException($"--policies ({policies}) must be a multiple of --namespaces ({namespaces}), at least 3 per namespace");
        var podsPerNamespace = pods / namespaces;
        var workloads = Enumerable.Range(1, Math.Min(10, podsPerNamespace)).Last(w => podsPerNamespace % w == 0);
        var shape = new ClusterShape
        {
            Namespaces = namespaces,
            WorkloadsPerNamespace = workloads,
            Replicas = podsPerNamespace / workloads,
            ServicesPerNamespace = workloads,
            NetworkPoliciesPerNamespace = policies / namespaces,
            ContainerPorts = ports,
            VariedNetworkPolicies = true,
            ClusterNetworkPolicies = clusterPolicies,
            PolicyEdits = 0,
        };
        if (seed is { } s) shape = shape with { Seed = s };
        try
        {
            shape.Validate();
            _ = new SyntheticCluster(shape); // port count and the other plan-time checks
            shape.Validate();
            if (edits > namespaces - Catalog.SystemNamespaces.Length) throw new ArgumentOutOfRangeException(nameof(edits), "at most one edit per application namespace");
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageException(e.Message);
        }
        return shape;
    }
}
