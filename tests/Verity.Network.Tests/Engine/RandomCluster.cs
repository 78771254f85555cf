using System.Text;

namespace Verity.Network.Tests.Engine;

/// <summary>
/// Writes a small random cluster as YAML: namespaces, pods (labels, IPs, named ports, sometimes host
/// network), NetworkPolicies (every peer and port form) and cluster policies of both tiers.
/// Deliberately small value sets so selectors, CIDRs and ports collide often.
/// </summary>
internal static class RandomCluster
{
    private static readonly string[] Apps = ["web", "db", "api"];
    private static readonly string[] Namespaces = ["a", "b", "c"];

    public static string Yaml(Random r)
    {
        var y = new StringBuilder();
        var nsCount = r.Next(1, 4);
        for (var i = 0; i < nsCount; i++)
        {
            y.Append($"---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: {Namespaces[i]}\n  labels: {{env: {Pick(r, "prod", "dev")}}}\n");
        }
        var pods = r.Next(2, 7);
        for (var i = 0; i < pods; i++)
        {
            var ns = Namespaces[r.Next(nsCount)];
            y.Append($"---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p{i}\n  namespace: {ns}\n  labels: {{app: {Apps[r.Next(3)]}{(r.Next(2) == 0 ? ", tier: fe" : "")}}}\n");
            y.Append($"spec:\n  hostNetwork: {(r.Next(8) == 0 ? "true" : "false")}\n  containers:\n  - name: c\n    image: x:1\n    ports:\n");
            if (r.Next(2) == 0) y.Append("    - {name: http, containerPort: 80}\n");
            if (r.Next(2) == 0) y.Append("    - {name: http, containerPort: 8080}\n".Replace("http", r.Next(2) == 0 ? "http" : "alt"));
            if (r.Next(2) == 0) y.Append("    - {name: dns, containerPort: 53, protocol: UDP}\n");
            y.Append("    - {containerPort: 443}\n");
            y.Append($"status:\n  podIP: 10.0.{r.Next(2)}.{i + 1}\n");
        }
        for (var i = r.Next(0, 5); i > 0; i--) NetworkPolicy(y, r, Namespaces[r.Next(nsCount)], i);
        for (var i = r.Next(0, 4); i > 0; i--) ClusterPolicy(y, r, i);
        return y.ToString();
    }

    private static void NetworkPolicy(StringBuilder y, Random r, string ns, int i)
    {
        y.Append($"---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np{i}\n  namespace: {ns}\nspec:\n");
        if (r.Next(4) != 0) y.Append($"  podSelector: {PodSelector(r)}\n");
        switch (r.Next(4))
        {
            case 0: break;
            case 1: y.Append("  policyTypes: [Ingress]\n"); break;
            case 2: y.Append("  policyTypes: [Egress]\n"); break;
            default: y.Append("  policyTypes: [Ingress, Egress]\n"); break;
        }
        foreach (var (direction, peers) in new[] { ("ingress", "from"), ("egress", "to") })
        {
            var count = r.Next(-1, 3);
            if (count < 0) continue;
            y.Append($"  {direction}:{(count == 0 ? " []" : "")}\n");
            for (var k = 0; k < count; k++)
            {
                y.Append("  - ");
                var first = true;
                if (r.Next(3) != 0)
                {
                    y.Append($"{peers}:\n");
                    first = false;
                    for (var p = r.Next(0, 3); p >= 0; p--) y.Append($"    - {Peer(r)}\n");
                }
                if (r.Next(2) == 0)
                {
                    y.Append(first ? "" : "    ").Append("ports:\n");
                    first = false;
                    for (var p = r.Next(0, 2); p >= 0; p--) y.Append($"    - {Port(r)}\n");
                }
                if (first) y.Append("{}\n");
            }
        }
    }

    private static void ClusterPolicy(StringBuilder y, Random r, int i)
    {
        var legacy = r.Next(3) == 0;
        var tier = r.Next(2) == 0 ? "Admin" : "Baseline";
        var kind = legacy ? tier == "Admin" ? "AdminNetworkPolicy" : "BaselineAdminNetworkPolicy" : "ClusterNetworkPolicy";
        var version = legacy ? "v1alpha1" : "v1alpha2";
        y.Append($"---\napiVersion: policy.networking.k8s.io/{version}\nkind: {kind}\nmetadata:\n  name: cnp{i}\nspec:\n");
        if (!legacy) y.Append($"  tier: {tier}\n");
        if (kind != "BaselineAdminNetworkPolicy") y.Append($"  priority: {r.Next(0, 3)}\n");
        y.Append(r.Next(2) == 0 ? $"  subject: {{namespaces: {NsSelector(r)}}}\n" : $"  subject: {{pods: {{namespaceSelector: {NsSelector(r)}, podSelector: {PodSelector(r)}}}}}\n");
        foreach (var (direction, peers) in new[] { ("ingress", "from"), ("egress", "to") })
        {
            var count = r.Next(0, 3);
            if (count == 0) continue;
            y.Append($"  {direction}:\n");
            for (var k = 0; k < count; k++)
            {
                var action = r.Next(3) switch
                {
                    0 => legacy ? "Allow" : "Accept",
                    1 => "Deny",
                    _ => kind == "BaselineAdminNetworkPolicy" ? "Deny" : "Pass",
                };
                y.Append($"  - action: {action}\n    {peers}:\n");
                for (var p = r.Next(0, 2); p >= 0; p--)
                {
                    var peer = r.Next(4) switch
                    {
                        0 => $"{{namespaces: {NsSelector(r)}}}",
                        1 when direction == "egress" => $"{{networks: [{Pick(r, "10.0.0.0/24", "10.0.1.0/24", "8.8.8.0/24", "0.0.0.0/0")}]}}",
                        _ => $"{{pods: {{namespaceSelector: {NsSelector(r)}, podSelector: {PodSelector(r)}}}}}",
                    };
                    y.Append($"    - {peer}\n");
                }
                if (r.Next(2) == 0)
                {
                    y.Append(legacy ? "    ports:\n" : "    protocols:\n");
                    var port = (legacy, r.Next(4)) switch
                    {
                        (false, 0) => "{tcp: {destinationPort: {number: 80}}}",
                        (false, 1) => "{tcp: {destinationPort: {range: {start: 80, end: 443}}}}",
                        (false, 2) => "{udp: {}}",
                        (false, _) => "{destinationNamedPort: http}",
                        (true, 0) => "{portNumber: {protocol: TCP, port: 80}}",
                        (true, 1) => "{portRange: {protocol: TCP, start: 80, end: 443}}",
                        (true, 2) => "{portNumber: {protocol: UDP, port: 53}}",
                        (true, _) => "{namedPort: http}",
                    };
                    y.Append($"    - {port}\n");
                }
            }
        }
    }

    private static string Peer(Random r) => r.Next(5) switch
    {
        0 => $"podSelector: {PodSelector(r)}",
        1 => $"namespaceSelector: {NsSelector(r)}",
        2 => $"{{podSelector: {PodSelector(r)}, namespaceSelector: {NsSelector(r)}}}",
        3 => "ipBlock: {cidr: 10.0.0.0/16, except: [10.0.1.0/24]}",
        _ => $"ipBlock: {{cidr: {Pick(r, "10.0.0.0/24", "8.8.8.8/32", "0.0.0.0/0")}}}",
    };

    private static string Port(Random r) => r.Next(7) switch
    {
        0 => "{port: 80}",
        1 => "{port: http}",
        2 => "{port: 80, endPort: 443}",
        3 => "{protocol: UDP, port: 53}",
        4 => "{protocol: UDP}",
        5 => "{port: dns, protocol: UDP}",
        _ => "{}",
    };

    private static string PodSelector(Random r) => r.Next(5) switch
    {
        0 => "{}",
        1 => $"{{matchLabels: {{app: {Apps[r.Next(3)]}}}}}",
        2 => "{matchExpressions: [{key: tier, operator: Exists}]}",
        3 => $"{{matchExpressions: [{{key: app, operator: NotIn, values: [{Apps[r.Next(3)]}]}}]}}",
        _ => "{matchLabels: {tier: fe}}",
    };

    private static string NsSelector(Random r) => r.Next(5) switch
    {
        0 => "{}",
        1 => $"{{matchLabels: {{env: {Pick(r, "prod", "dev")}}}}}",
        2 => $"{{matchLabels: {{kubernetes.io/metadata.name: {Namespaces[r.Next(3)]}}}}}",
        3 => $"{{matchExpressions: [{{key: kubernetes.io/metadata.name, operator: In, values: [{Namespaces[r.Next(3)]}, {Namespaces[r.Next(3)]}]}}]}}",
        _ => "{matchExpressions: [{key: env, operator: In, values: [prod]}]}",
    };

    private static string Pick(Random r, params string[] values) => values[r.Next(values.Length)];
}
