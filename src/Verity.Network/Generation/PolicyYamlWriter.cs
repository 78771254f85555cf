using System.Text;

namespace Verity.Network.Generation;

/// <summary>
/// Writes generated policies as YAML for <c>kubectl apply -f</c>: one document per policy, a comment above each
/// listing the observed connections it allows, string values double-quoted (a label value such as "true" or "1"
/// must stay a string). Written by hand so the text is byte-for-byte deterministic.
/// </summary>
internal static class PolicyYamlWriter
{
    public static string Write(IReadOnlyList<GeneratedPolicy> policies)
    {
        var yaml = new StringBuilder();
        for (var i = 0; i < policies.Count; i++)
        {
            if (i > 0) yaml.Append("---\n");
            Write(yaml, policies[i]);
        }
        return yaml.ToString();
    }

    private static void Write(StringBuilder y, GeneratedPolicy p)
    {
        y.Append("# ").Append(p.Name);
        if (p.Note is not null) y.Append(": ").Append(p.Note);
        y.Append('\n');
        if (p.Flows.Count > 0 || p.Note is null)
        {
            y.Append("# allows ").Append(p.Flows.Count).Append(p.Flows.Count == 1 ? " observed connection" : " observed connections").Append(p.Flows.Count > 0 ? ":\n" : "\n");
            foreach (var flow in p.Flows) y.Append("#   ").Append(flow).Append('\n');
        }
        y.Append("apiVersion: networking.k8s.io/v1\n");
        y.Append("kind: NetworkPolicy\n");
        y.Append("metadata:\n");
        y.Append("  name: ").Append(p.Name).Append('\n');
        y.Append("  namespace: ").Append(Quote(p.Namespace)).Append('\n');
        y.Append("  labels:\n");
        y.Append("    app.kubernetes.io/managed-by: \"verity\"\n");
        y.Append("spec:\n");
        Selector(y, "  ", "podSelector", p.PodSelector);
        y.Append("  policyTypes:\n");
        foreach (var type in p.PolicyTypes) y.Append("    - ").Append(type).Append('\n');
        Rules(y, "ingress", "from", p.Ingress);
        Rules(y, "egress", "to", p.Egress);
    }

    private static void Rules(StringBuilder y, string section, string peers, IReadOnlyList<GeneratedRule> rules)
    {
        if (rules.Count == 0) return;
        y.Append("  ").Append(section).Append(":\n");
        foreach (var rule in rules)
        {
            y.Append("    - ").Append(peers).Append(":\n");
            foreach (var peer in rule.Peers)
            {
                if (peer.Cidr is { } cidr)
                {
                    y.Append("        - ipBlock:\n");
                    y.Append("            cidr: ").Append(cidr).Append('\n');
                    continue;
                }
                y.Append("        - namespaceSelector:\n");
                y.Append("            matchLabels:\n");
                y.Append("              kubernetes.io/metadata.name: ").Append(Quote(peer.Namespace!)).Append('\n');
                Selector(y, "          ", "podSelector", peer.PodLabels!);
            }
            y.Append("      ports:\n");
            foreach (var port in rule.Ports)
            {
                y.Append("        - protocol: ").Append(port.Protocol).Append('\n');
                y.Append("          port: ");
                if (port.Name is { } name) y.Append(Quote(name)); else y.Append(port.Number);
                y.Append('\n');
            }
        }
    }

    private static void Selector(StringBuilder y, string indent, string field, IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        if (labels.Count == 0)
        {
            y.Append(indent).Append(field).Append(": {}\n");
            return;
        }
        y.Append(indent).Append(field).Append(":\n").Append(indent).Append("  matchLabels:\n");
        foreach (var (key, value) in labels) y.Append(indent).Append("    ").Append(key).Append(": ").Append(Quote(value)).Append('\n');
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
