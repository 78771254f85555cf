using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Posture.Checks;

/// <summary>
/// VT-NET-001: a namespace that runs workloads has no NetworkPolicy at all, so its pods accept traffic from
/// every pod in the cluster and may send anywhere (Kubernetes allows all traffic to a pod that no policy
/// selects: https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation).
/// <para>
/// Subjects: namespaces that run at least one workload — a policy protects pods, and an empty namespace has
/// none. <c>kube-system</c>, <c>kube-public</c> and <c>kube-node-lease</c> are skipped: their workloads belong
/// to the distribution (many run on the host network, where NetworkPolicy does not apply).
/// Any <c>networking.k8s.io</c> NetworkPolicy in the namespace passes the check, whatever it selects; whether
/// the policies are tight is the network engine's question, not this one's.
/// </para>
/// </summary>
internal sealed class NamespaceWithoutNetworkPolicy : IPostureCheck
{
    /// <summary>Namespaces managed by Kubernetes itself.</summary>
    public static readonly IReadOnlySet<string> SystemNamespaces = new HashSet<string>(StringComparer.Ordinal)
    {
        "kube-system", "kube-public", "kube-node-lease",
    };

    private const int MaxListed = 5;

    public string Id => "VT-NET-001";
    public Severity Severity => Severity.High;
    public string Title => "Namespaces that run workloads have a NetworkPolicy";
    public IReadOnlyList<string> Controls { get; } = [Posture.Controls.Cis532, Posture.Controls.NsaNetworkPolicies];

    public IEnumerable<ResourceRef> Subjects(Snapshot snapshot) => InScope(snapshot).Select(n => SubjectScope.Namespace(n.Name));

    public IEnumerable<Finding> Evaluate(Snapshot snapshot)
    {
        var byNamespace = snapshot.Workloads.ToLookup(w => w.Namespace, StringComparer.Ordinal);
        // Cluster-scoped policies (Admin/Baseline tiers) may restrict a namespace that has no NetworkPolicy of its
        // own: then "accepts traffic from anywhere" would not be true, so the message says what is known.
        var clusterPolicies = snapshot.Objects.Any(o => o.Ref.Group == "policy.networking.k8s.io"
            && o.Kind is "ClusterNetworkPolicy" or "AdminNetworkPolicy" or "BaselineAdminNetworkPolicy");
        var consequence = clusterPolicies
            ? "so only cluster-wide policies restrict its traffic (see `verity netpol explain`)"
            : "so its pods accept traffic from anywhere";
        foreach (var ns in InScope(snapshot))
        {
            if (HasNetworkPolicy(snapshot, ns.Name)) continue;
            var workloads = byNamespace[ns.Name].ToList();
            var listed = string.Join(", ", workloads.Take(MaxListed).Select(w => $"{w.Kind}/{w.Name}"));
            if (workloads.Count > MaxListed) listed += $" and {workloads.Count - MaxListed} more";
            yield return new Finding(
                Id, Severity, SubjectScope.Namespace(ns.Name),
                $"namespace \"{ns.Name}\" runs {Count(workloads.Count)} and has no NetworkPolicy, {consequence}; add a default-deny policy",
                $"Apply a NetworkPolicy in namespace \"{ns.Name}\" with podSelector: {{}} and policyTypes: [Ingress, Egress], then add one policy per required flow (and allow DNS egress to kube-dns).",
                $"workloads: {listed}",
                Controls,
                ns.Object?.Source);
        }
    }

    /// <summary>Whether namespace <paramref name="ns"/> holds any networking.k8s.io NetworkPolicy.</summary>
    public static bool HasNetworkPolicy(Snapshot snapshot, string ns) =>
        snapshot.InNamespace(ns).Any(o => o.Kind == "NetworkPolicy" && o.Ref.Group == "networking.k8s.io");

    /// <summary>Namespaces that run a workload, other than the system namespaces: the subjects of this check.</summary>
    public static IEnumerable<NamespaceInfo> InScope(Snapshot snapshot)
    {
        var running = snapshot.Workloads.Select(w => w.Namespace).ToHashSet(StringComparer.Ordinal);
        return snapshot.Namespaces.Where(n => running.Contains(n.Name) && !SystemNamespaces.Contains(n.Name));
    }

    private static string Count(int workloads) => workloads == 1 ? "1 workload" : $"{workloads} workloads";
}
