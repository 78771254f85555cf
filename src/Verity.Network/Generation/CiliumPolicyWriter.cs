using System.Text;

namespace Verity.Network.Generation;

/// <summary>
/// Writes generated policies as CiliumNetworkPolicy (cilium.io/v2) for <c>--format cilium</c>: the same names,
/// selectors, peers and ports as the NetworkPolicy form, which is the one <see cref="GenerationProof"/> proves.
/// Mapping: <c>podSelector</c> → <c>endpointSelector</c>; a workload peer → <c>fromEndpoints</c>/<c>toEndpoints</c>
/// with <c>k8s:io.kubernetes.pod.namespace</c> plus the pod labels; an ipBlock → <c>fromCIDR</c>/<c>toCIDR</c>;
/// ports → <c>toPorts</c> by number (Cilium resolves named ports too, numbers keep it explicit). The default-deny is
/// an empty rule (<c>ingress: [{}]</c>), Cilium's documented way to put endpoints in default-deny without allowing
/// anything (https://docs.cilium.io/en/stable/security/policy/language/).
/// </summary>
public static class CiliumPolicyWriter
{
    public static string Write(IReadOnlyList<GeneratedPolicy> policies)
    {
        var y = new StringBuilder();
        for (var i = 0; i < policies.Count; i++)
        {
            if (i > 0) y.Append("---\n");
            Write(y, policies[i]);
        }
        return y.ToString();
    }

    private static void Write(StringBuilder y, GeneratedPolicy p)
    {
        y.Append("# ").Append(p.Name);
        if (p.Note is not null) y.Append(": ").Append(p.Note);
        y.Append('\n');
        foreach (var flow in p.Flows) y.Append("#   ").Append(flow).Append('\n');
        y.Append("apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n");
        y.Append("  name: ").Append(p.Name).Append('\n');
        y.Append("  namespace: ").Append(Quote(p.Namespace)).Append('\n');
        y.Append("  labels:\n    app.kubernetes.io/managed-by: \"verity\"\n");
        y.Append("spec:\n");
        Labels(y, "  ", "endpointSelector", p.PodSelector, null);
        var deny = p.Ingress.Count == 0 && p.Egress.Count == 0;
        if (deny)
        {
            foreach (var type in p.PolicyTypes) y.Append("  ").Append(type.ToLowerInvariant()).Append(":\n    - {}\n");
            return;
        }
        Rules(y, "ingress", "from", p.Ingress);
        Rules(y, "egress", "to", p.Egress);
    }

    private static void Rules(StringBuilder y, string section, string direction, IReadOnlyList<GeneratedRule> rules)
    {
        if (rules.Count == 0) return;
        y.Append("  ").Append(section).Append(":\n");
        foreach (var rule in rules)
        {
            var first = true;
            var endpoints = rule.Peers.Where(p => p.Cidr is null).ToList();
            var cidrs = rule.Peers.Where(p => p.Cidr is not null).ToList();
            if (endpoints.Count > 0)
            {
                y.Append(first ? "    - " : "      ").Append(direction).Append("Endpoints:\n");
                first = false;
                foreach (var peer in endpoints) Labels(y, "        - ", null, peer.PodLabels!, peer.Namespace);
            }
            if (cidrs.Count > 0)
            {
                y.Append(first ? "    - " : "      ").Append(direction).Append("CIDR:\n");
                first = false;
                foreach (var peer in cidrs) y.Append("        - ").Append(peer.Cidr).Append('\n');
            }
            y.Append(first ? "    - " : "      ").Append("toPorts:\n");
            y.Append("        - ports:\n");
            foreach (var port in rule.Ports)
                y.Append("            - port: \"").Append(port.Number).Append("\"\n              protocol: ").Append(port.Protocol).Append('\n');
        }
    }

    /// <summary>A Cilium endpoint selector; <paramref name="ns"/> adds the namespace label Cilium gives every pod.</summary>
    private static void Labels(StringBuilder y, string indent, string? field, IReadOnlyList<KeyValuePair<string, string>> labels, string? ns)
    {
        var all = ns is null ? labels : [new("k8s:io.kubernetes.pod.namespace", ns), .. labels];
        if (field is not null && all.Count == 0)
        {
            y.Append(indent).Append(field).Append(": {}\n");
            return;
        }
        var inner = indent;
        if (field is not null)
        {
            y.Append(indent).Append(field).Append(":\n");
            inner = indent + "  ";
            y.Append(inner).Append("matchLabels:\n");
        }
        else
        {
            y.Append(indent).Append("matchLabels:\n");
            inner = new string(' ', indent.Length);
        }
        foreach (var (key, value) in all) y.Append(inner).Append("  ").Append(key).Append(": ").Append(Quote(value)).Append('\n');
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
