using System.Text;
using Verity.Rbac.Authorization;

namespace Verity.Rbac.Tests.Reference;

/// <summary>
/// Random small RBAC states and requests over deliberately tiny vocabularies, so wildcards,
/// subresources, resourceNames, non-resource URLs, RoleBinding→ClusterRole, aggregation, service
/// account subjects with and without a namespace and implicit groups collide often.
/// </summary>
internal static class RandomRbac
{
    private static readonly string[] Namespaces = ["a", "b"];
    private static readonly string[] Verbs = ["get", "list", "create", "'*'", "escalate"];
    private static readonly string[] Groups = ["''", "apps", "'*'"];
    private static readonly string[] Resources = ["pods", "pods/exec", "'pods/*'", "'*'", "'*/scale'", "deployments", "deployments/scale", "secrets", "namespaces"];
    private static readonly string[] Urls = ["/healthz", "'/api/*'", "'*'", "/api", "'/metrics*'"];
    private static readonly string[] Users = ["u1", "u2", "system:serviceaccount:a:sa1"];
    private static readonly string[] UserGroups = ["g1", "system:serviceaccounts", "system:serviceaccounts:a", "system:authenticated"];

    public static string Yaml(Random r)
    {
        var y = new StringBuilder();
        foreach (var (ns, name) in new[] { ("a", "sa1"), ("a", "sa2"), ("b", "sa1") })
            y.Append($"---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {{name: {name}, namespace: {ns}}}\n");
        for (var i = r.Next(1, 5); i > 0; i--)
        {
            y.Append($"---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: c{i}\n  labels: {{agg: {Pick(r, "p", "q", "s")}}}\n");
            if (r.Next(4) == 0) y.Append($"aggregationRule:\n  clusterRoleSelectors: [{Pick(r, "{matchLabels: {agg: p}}", "{}", "{matchLabels: {agg: q}}")}]\n");
            Rules(y, r, cluster: true);
        }
        for (var i = r.Next(0, 3); i > 0; i--)
        {
            y.Append($"---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {{name: r{i % 2}, namespace: {Pick(r, Namespaces)}}}\n");
            Rules(y, r, cluster: false);
        }
        for (var i = r.Next(1, 6); i > 0; i--)
        {
            var cluster = r.Next(3) == 0;
            var roleKind = cluster || r.Next(2) == 0 ? "ClusterRole" : "Role";
            var role = roleKind == "ClusterRole" ? $"c{r.Next(1, 5)}" : $"r{r.Next(2)}";
            y.Append(cluster
                ? $"---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {{name: b{i}}}\n"
                : $"---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {{name: b{i}, namespace: {Pick(r, Namespaces)}}}\n");
            y.Append($"roleRef: {{apiGroup: rbac.authorization.k8s.io, kind: {roleKind}, name: {role}}}\nsubjects:\n");
            for (var k = r.Next(1, 3); k > 0; k--)
            {
                y.Append(r.Next(4) switch
                {
                    0 => $"- {{kind: User, apiGroup: rbac.authorization.k8s.io, name: {Pick(r, "u1", "u2")}}}\n",
                    1 => $"- {{kind: Group, apiGroup: rbac.authorization.k8s.io, name: '{Pick(r, UserGroups)}'}}\n",
                    2 when !cluster && r.Next(2) == 0 => $"- {{kind: ServiceAccount, name: {Pick(r, "sa1", "sa2")}}}\n",
                    _ => $"- {{kind: ServiceAccount, name: {Pick(r, "sa1", "sa2")}, namespace: {Pick(r, Namespaces)}}}\n",
                });
            }
        }
        return y.ToString();
    }

    private static void Rules(StringBuilder y, Random r, bool cluster)
    {
        var count = r.Next(0, 3);
        y.Append(count == 0 ? "rules: []\n" : "rules:\n");
        for (var k = 0; k < count; k++)
        {
            var verbs = Some(r, Verbs);
            if (cluster && r.Next(4) == 0)
            {
                y.Append($"- {{nonResourceURLs: [{Some(r, Urls)}], verbs: [{verbs}]}}\n");
                continue;
            }
            y.Append($"- {{apiGroups: [{Some(r, Groups)}], resources: [{Some(r, Resources)}], verbs: [{verbs}]");
            if (r.Next(3) == 0) y.Append($", resourceNames: [{Some(r, ["n1", "n2", "a"])}]");
            y.Append("}\n");
        }
    }

    public static RequestAttributes Request(Random r)
    {
        var user = r.Next(4) switch
        {
            0 => UserInfo.ServiceAccount(Pick(r, Namespaces), Pick(r, "sa1", "sa2")),
            1 => UserInfo.Impersonate(Pick(r, "u1", "u2")),
            _ => new UserInfo(Pick(r, Users), UserGroups.Concat(["system:masters"]).Where(_ => r.Next(r.Next(20) == 0 ? 2 : 5) == 0).ToList()),
        };
        var verb = Pick(r, "get", "list", "create", "escalate", "delete", "*");
        if (r.Next(5) == 0) return RequestAttributes.ForNonResource(user, verb, Pick(r, "/healthz", "/api", "/api/v1", "/metrics", "/apis"));
        var resource = Pick(r, "pods", "deployments", "secrets", "namespaces", "nodes", "*");
        var name = Pick(r, null, "n1", "n2", "a", "b");
        return RequestAttributes.ForResource(user, verb, Pick(r, "", "apps", "*"), resource, Pick(r, "", "", "exec", "scale", "*"), name, Pick(r, "", "a", "b"));
    }

    private static string Some(Random r, string[] values) =>
        string.Join(", ", values.Where(_ => r.Next(3) == 0).DefaultIfEmpty(values[r.Next(values.Length)]));

    private static T Pick<T>(Random r, params T[] values) => values[r.Next(values.Length)];
}
