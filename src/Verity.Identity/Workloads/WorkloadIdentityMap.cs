using Verity.Core.Snapshots;

namespace Verity.Identity.Workloads;

/// <summary>
/// Which SPIFFE ID each workload of a snapshot would get under the Kubernetes convention
/// <c>spiffe://&lt;trust domain&gt;/ns/&lt;namespace&gt;/sa/&lt;service account&gt;</c> (the identity SPIRE's k8s
/// workload registrar, Istio and Linkerd derive from the pod's service account), per namespace and service account, in
/// name order. Pure.
/// </summary>
public static class WorkloadIdentityMap
{
    public static IReadOnlyList<ServiceAccountIdentity> Build(Snapshot snapshot, TrustDomain trustDomain)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var declared = snapshot.ServiceAccounts
            .Select(sa => (sa.Object.Namespace ?? "", sa.Object.Name))
            .ToHashSet();
        var identities = new List<ServiceAccountIdentity>();
        foreach (var group in snapshot.Workloads
                     .GroupBy(w => (w.Namespace, w.ServiceAccountName))
                     .OrderBy(g => g.Key.Namespace, StringComparer.Ordinal)
                     .ThenBy(g => g.Key.ServiceAccountName, StringComparer.Ordinal))
        {
            var (ns, account) = group.Key;
            // A name the API server would reject cannot form an ID either; such workloads are left out.
            if (!SpiffeId.TryForServiceAccount(trustDomain, ns, account, out var id, out _)) continue;
            var workloads = group.Select(w => $"{w.Kind}/{w.Name}").Order(StringComparer.Ordinal).ToList();
            identities.Add(new ServiceAccountIdentity(ns, account, id, workloads, declared.Contains((ns, account))));
        }
        return identities;
    }
}
