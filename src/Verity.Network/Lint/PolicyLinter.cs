using System.Net;
using Verity.Core.Model;
using Verity.Network.Evaluation;
using Verity.Network.Model;
using Verity.Network.Policies;

namespace Verity.Network.Lint;

/// <summary>
/// Finds policies that do not do what their author likely meant, judged against the endpoints of the
/// snapshot: policies that select no pod, peers that match no pod, named ports no pod declares, egress
/// isolation that blocks DNS, rules open to every source or destination, <c>except</c> ranges outside their
/// <c>cidr</c>, and cluster policies whose equal priorities make their order undefined (the API leaves it to
/// the implementation). Pure: reads the model only.
/// </summary>
public static class PolicyLinter
{
    public static IReadOnlyList<LintFinding> Lint(NetworkModel model)
    {
        var findings = new List<LintFinding>();
        var pods = model.Endpoints.Where(e => e.IsPolicyTarget).ToList();
        foreach (var policy in model.Policies.NetworkPolicies)
        {
            var selected = pods.Where(e => e.Namespace == policy.Namespace && policy.PodSelector.Matches(e.Labels)).ToList();
            if (selected.Count == 0)
                Add(findings, LintRules.SelectsNothing, Severity.Medium, policy.Source, ["spec", "podSelector"],
                    $"selects no pod: podSelector {policy.PodSelector} matches nothing in namespace {policy.Namespace}");
            foreach (var (_, path, message) in OpenRules.Of(policy))
                Add(findings, LintRules.OpenToEverything, Severity.Low, policy.Source, path, message);
            LintPolicyRules(model, findings, policy, "ingress", "from", policy.Ingress, selected, pods);
            LintPolicyRules(model, findings, policy, "egress", "to", policy.Egress, selected, pods);
        }
        DnsEgress(model, findings, pods);
        ClusterPriorities(model, findings, pods);
        return findings;
    }

    private static void LintPolicyRules(NetworkModel model, List<LintFinding> findings, CompiledNetworkPolicy policy, string direction, string peersField,
        IReadOnlyList<PolicyRule> rules, List<Endpoint> selected, List<Endpoint> pods)
    {
        foreach (var rule in rules)
        {
            object[] at = ["spec", direction, rule.Index];
            for (var j = 0; j < rule.Peers.Count; j++)
            {
                object[] peerAt = [.. at, peersField, j];
                switch (rule.Peers[j])
                {
                    case PodPeer { PodSelector: null, NamespaceSelector.IsEverything: true }:
                        break; // open to everything: reported by OpenRules
                    // Only where the snapshot holds a namespace the peer selects: a peer into a namespace the
                    // input does not cover (e.g. kube-system for DNS) may well match pods there.
                    case PodPeer pod when CoversPeerNamespaces(model, pod) && !pods.Any(e => pod.Matches(e, model.Options)):
                        Add(findings, LintRules.PeerMatchesNothing, Severity.Medium, policy.Source, peerAt,
                            $"{direction} rule #{rule.Index} peer #{j} ({pod.Describe()}) matches no pod");
                        break;
                    case CidrPeer cidr:
                        foreach (var except in cidr.Except.Where(e => !cidr.Cidrs.Any(c => Contains(c, e))))
                            Add(findings, LintRules.ExceptOutsideCidr, Severity.Medium, policy.Source, [.. peerAt, "ipBlock", "except"],
                                $"{direction} rule #{rule.Index} peer #{j}: except {except} is not inside cidr {string.Join(", ", cidr.Cidrs)}, so it excludes nothing");
                        break;
                }
            }
            var destinations = direction == "ingress" ? selected
                : rule.Peers.Count == 0 ? pods : pods.Where(e => rule.Peers.Any(p => p.Matches(e, model.Options))).ToList();
            foreach (var (port, k) in rule.Ports.Select((p, k) => (p, k)).Where(x => x.p.NamedPort is { } name && !name.StartsWith('\0')))
            {
                if (!destinations.Any(e => e.Ports.Any(p => p.Name == port.NamedPort && p.Protocol == port.Protocol)))
                    Add(findings, LintRules.NamedPortNowhere, Severity.Medium, policy.Source, [.. at, "ports", k],
                        $"{direction} rule #{rule.Index}: named port \"{port.NamedPort}\" ({port.Protocol}) is declared by no {(direction == "ingress" ? "selected pod" : "destination pod")}, so it matches nothing");
            }
        }
    }

    /// <summary>Every pod isolated for egress by NetworkPolicy should still reach cluster DNS on 53/UDP.</summary>
    private static void DnsEgress(NetworkModel model, List<LintFinding> findings, List<Endpoint> pods)
    {
        var dns = ClusterDns.In(pods);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            var isolating = model.Policies.NetworkPolicies
                .Where(p => p.AffectsEgress && p.Namespace == pod.Namespace && p.PodSelector.Matches(pod.Labels)).ToList();
            if (isolating.Count == 0) continue;
            var verdict = ReachabilityEvaluator.Evaluate(model, pod, dns, 53, Protocol.UDP).Egress;
            if (verdict.Allowed || verdict.DecidedBy != DecisionTier.NetworkPolicy) continue;
            var names = string.Join(", ", isolating.Select(p => p.Name).Order(StringComparer.Ordinal));
            if (!reported.Add($"{pod.Namespace}/{names}")) continue;
            Add(findings, LintRules.NoDnsEgress, Severity.High, isolating[0].Source, ["spec", "egress"],
                $"{pod.Id} is isolated for egress by {names} and cannot reach DNS (kube-dns, 53/UDP); add an egress rule to namespace kube-system, pods k8s-app=kube-dns, port 53 UDP and TCP");
        }
    }

    /// <summary>Two cluster policies of one tier with the same priority whose subjects share a pod: their order is undefined.</summary>
    private static void ClusterPriorities(NetworkModel model, List<LintFinding> findings, List<Endpoint> pods)
    {
        foreach (var group in model.Policies.ClusterPolicies.GroupBy(p => (p.Tier, p.Priority)).Where(g => g.Count() > 1))
        {
            var policies = group.ToList();
            for (var i = 0; i < policies.Count; i++)
            for (var j = i + 1; j < policies.Count; j++)
            {
                var shared = pods.FirstOrDefault(e => policies[i].Subject.Matches(e, model.Options) && policies[j].Subject.Matches(e, model.Options));
                if (shared is null) continue;
                Add(findings, LintRules.AmbiguousPriority, Severity.High, policies[j].Source, ["spec", "priority"],
                    $"{policies[j].Display} and {policies[i].Display} are both {group.Key.Tier} tier, priority {group.Key.Priority}, and both apply to {shared.Id}: which one wins is up to the implementation; give them different priorities");
            }
        }
    }

    private static bool CoversPeerNamespaces(NetworkModel model, PodPeer peer) =>
        peer.NamespaceSelector is null || model.Namespaces.Any(n => peer.NamespaceSelector.Matches(n.Labels));

    private static bool Contains(IPNetwork outer, IPNetwork inner) =>
        outer.BaseAddress.AddressFamily == inner.BaseAddress.AddressFamily && inner.PrefixLength >= outer.PrefixLength && outer.Contains(inner.BaseAddress);

    private static void Add(List<LintFinding> findings, string rule, Severity severity, KubeObject policy, object[] path, string message) =>
        findings.Add(new LintFinding(rule, severity, policy.Ref, message, policy.LocationOf(path)));
}
