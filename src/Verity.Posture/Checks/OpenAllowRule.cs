using Verity.Core.Model;
using Verity.Core.Snapshots;
using Verity.Network.Evaluation;
using Verity.Network.Lint;
using Verity.Posture.Isolation;

namespace Verity.Posture.Checks;

/// <summary>
/// VT-NET-005: a NetworkPolicy rule allows every source or destination — a rule with no <c>from</c>/<c>to</c>,
/// a peer with <c>namespaceSelector: {}</c> alone (every pod of every namespace), or an ipBlock of
/// <c>0.0.0.0/0</c> or <c>::/0</c> (even with <c>except</c>). Exactly the policy linter's VT-NPL-005
/// (<see cref="OpenRules"/>, shared with <see cref="PolicyLinter"/>): the linter as a whole also resolves every
/// peer against every pod, which costs seconds on a large cluster, so only this rule is applied here. Such a rule may be intended (a public gateway); it is still the first place to
/// look in a review. Severity low: the policy still isolates the pods it selects in every other respect. A rule
/// that opens pods on every port also makes them fail VT-NET-002/003 — that finding is about the pods, this
/// one about the rule.
/// Subjects: every NetworkPolicy outside the system namespaces (kube-system, kube-public, kube-node-lease).
/// </summary>
internal sealed class OpenAllowRule : IPostureCheck
{
    public string Id => "VT-NET-005";
    public Severity Severity => Severity.Low;
    public string Title => "NetworkPolicy rules name their peers";
    public IReadOnlyList<string> Controls { get; } = [Posture.Controls.Cis532, Posture.Controls.NsaNetworkPolicies];

    public IEnumerable<ResourceRef> Subjects(Snapshot snapshot) =>
        snapshot.NetworkPolicies.Select(p => p.Object).Where(InScope).Select(p => p.Ref);

    public IEnumerable<Finding> Evaluate(Snapshot snapshot)
    {
        var model = IsolationAnalyzer.For(snapshot).Model;
        var targets = model.Endpoints.Where(e => e.IsPolicyTarget).ToLookup(e => e.Namespace, StringComparer.Ordinal);
        foreach (var policy in model.Policies.NetworkPolicies.Where(p => InScope(p.Source)))
        {
            var open = OpenRules.Of(policy).ToList();
            if (open.Count == 0) continue;
            var selected = targets[policy.Namespace].Count(e => policy.PodSelector.Matches(e.Labels));
            var evidence = $"the policy selects {(policy.PodSelector.IsEverything ? "every pod" : $"pods with {policy.PodSelector}")} in namespace \"{policy.Namespace}\" ({(selected == 1 ? "1 pod" : $"{selected} pods")} in the input)";
            foreach (var (direction, path, message) in open)
            {
                var ingress = direction == "ingress";
                yield return new Finding(
                    Id, Severity, policy.Source.Ref,
                    $"NetworkPolicy \"{policy.Name}\": {message}; name the {(ingress ? "sources" : "destinations")} it needs",
                    $"Replace the open {(ingress ? "from" : "to")} of this rule with the namespaces (namespaceSelector with labels), pods (podSelector) or address ranges (ipBlock) the flow needs; if it must stay open (a public endpoint), limit it to the ports served.",
                    evidence,
                    Controls,
                    policy.Source.LocationOf(path));
            }
        }
    }

    private static bool InScope(KubeObject policy) => !NamespaceWithoutNetworkPolicy.SystemNamespaces.Contains(policy.Namespace ?? "");
}
