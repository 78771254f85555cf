using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Network.Policies;

/// <summary>Compiles every network policy of a snapshot once; queries then run on the compiled form.</summary>
public static class PolicyCompiler
{
    public static PolicySet Compile(Snapshot snapshot)
    {
        var diagnostics = new List<Diagnostic>();
        var networkPolicies = snapshot.NetworkPolicies.Select(p => NetworkPolicyCompiler.Compile(p, diagnostics)).ToList();
        var clusterPolicies = snapshot.Objects.Where(ClusterPolicyCompiler.IsClusterPolicy)
            .Select(o => new ClusterPolicyCompiler(o, diagnostics).Compile())
            .OfType<CompiledClusterPolicy>()
            .OrderBy(p => p.Tier).ThenBy(p => p.Priority).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        return new PolicySet(networkPolicies, clusterPolicies, diagnostics);
    }
}
