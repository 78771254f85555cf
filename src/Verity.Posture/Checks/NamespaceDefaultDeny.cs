using Verity.Core.Model;
using Verity.Core.Snapshots;
using Verity.Network.Evaluation;
using Verity.Posture.Isolation;

namespace Verity.Posture.Checks;

/// <summary>
/// VT-NET-004: a namespace does not deny by default in both directions — a pod added there with no labels
/// would not be isolated for ingress, or for egress (as <see cref="IsolationAnalyzer"/> defines it). This is
/// about the namespace's <em>default</em>, what the next workload gets, not about the pods running now
/// (VT-NET-002/003): a namespace whose every pod has its own policy still fails it, and one with a
/// <c>podSelector: {}</c> default-deny passes it even if a rule opens one workload wide.
/// Subjects: the namespaces of <see cref="NetworkIsolationScope"/>.
/// </summary>
internal sealed class NamespaceDefaultDeny : IPostureCheck
{
    public string Id => "VT-NET-004";
    public Severity Severity => Severity.Medium;
    public string Title => "Namespaces deny ingress and egress by default";
    public IReadOnlyList<string> Controls { get; } = [Posture.Controls.Cis532, Posture.Controls.NsaNetworkPolicies];

    public IEnumerable<ResourceRef> Subjects(Snapshot snapshot) => NetworkIsolationScope.Namespaces(snapshot).Select(n => SubjectScope.Namespace(n.Name));

    public IEnumerable<Finding> Evaluate(Snapshot snapshot)
    {
        var analyzer = IsolationAnalyzer.For(snapshot);
        foreach (var ns in NetworkIsolationScope.Namespaces(snapshot))
        {
            var open = new[] { Direction.Ingress, Direction.Egress }
                .Select(d => (Direction: d, Word: d == Direction.Ingress ? "ingress" : "egress", Verdict: analyzer.CheckNewPod(ns.Name, d)))
                .Where(x => !x.Verdict.Isolated)
                .ToList();
            if (open.Count == 0) continue;
            var words = string.Join(" and ", open.Select(o => o.Word));
            var byDefault = open.Where(o => !o.Verdict.OpenedByRule).Select(o => o.Direction == Direction.Ingress ? "Ingress" : "Egress").ToList();
            var byRule = open.Where(o => o.Verdict.OpenedByRule).Select(o => $"{o.Verdict.Reason!.Policy} ({o.Word})").Distinct().ToList();
            var fixes = new List<string>();
            if (byDefault.Count > 0) fixes.Add($"add a NetworkPolicy with podSelector: {{}} and policyTypes: [{string.Join(", ", byDefault)}]");
            if (byRule.Count > 0) fixes.Add($"narrow {string.Join(" and ", byRule)}, which applies to every pod there");
            var remediation = new List<string>();
            if (byDefault.Count > 0)
                remediation.Add($"Apply a NetworkPolicy in namespace \"{ns.Name}\" with podSelector: {{}} and policyTypes: [{string.Join(", ", byDefault)}]"
                    + (byDefault.Contains("Egress") ? " and an egress rule for DNS (namespace kube-system, pods k8s-app=kube-dns, port 53 UDP and TCP)" : "")
                    + ", then one policy per required flow.");
            if (byRule.Count > 0)
                remediation.Add($"Change the rule of {string.Join(" and ", byRule)} that matched so it names its peers and ports: it applies to any new pod of the namespace.");
            yield return new Finding(
                Id, Severity, SubjectScope.Namespace(ns.Name),
                $"namespace \"{ns.Name}\" does not deny {words} by default, so a pod added there is not isolated for {words}; {string.Join("; ", fixes)}",
                string.Join(" ", remediation),
                string.Join("; ", open.Select(o => $"{o.Word}: a new pod with no labels {o.Verdict.Evidence}")),
                Controls,
                ns.Object?.Source);
        }
    }
}
