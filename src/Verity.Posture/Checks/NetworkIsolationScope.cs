using Verity.Core.Snapshots;

namespace Verity.Posture.Checks;

/// <summary>
/// Where the isolation checks (VT-NET-002, -003, -004) look: the namespaces VT-NET-001 looks at
/// (running workloads, not a system namespace) that hold at least one NetworkPolicy. A namespace with no
/// NetworkPolicy at all is VT-NET-001's finding, and one finding says it all: every pod there is open, the
/// namespace has no default, and the fix is the same. Reporting it again per workload and per direction would
/// repeat one cause five times. (A namespace isolated by cluster policies alone still fails VT-NET-001.)
/// </summary>
internal static class NetworkIsolationScope
{
    public static IEnumerable<NamespaceInfo> Namespaces(Snapshot snapshot) =>
        NamespaceWithoutNetworkPolicy.InScope(snapshot).Where(n => NamespaceWithoutNetworkPolicy.HasNetworkPolicy(snapshot, n.Name));
}
