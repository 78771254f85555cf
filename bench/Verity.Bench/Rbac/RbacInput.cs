using System.Globalization;
using System.Text;
using Verity.Bench.Generation;

namespace Verity.Bench.Rbac;

/// <summary>
/// Generates the RBAC of a large multi-tenant cluster as one YAML stream: namespaces, service accounts,
/// a few Deployments per namespace, the bootstrap-like ClusterRoles (cluster-admin; admin, edit and view
/// aggregated from labelled children), tenant ClusterRoles and Roles drawn from realistic templates
/// (readers, deployers, debuggers, named secrets, wildcards, a few risky grants: bind/escalate,
/// impersonate, nodes/proxy, webhooks), and bindings to service accounts (with and without an explicit
/// namespace), team groups and users. Deterministic for a seed.
/// </summary>
internal static class RbacInput
{
    public const int BootstrapClusterRoleCount = 9;

    /// <summary>Rule templates (flow mappings) of tenant roles, most harmless; {0} is a per-role name.</summary>
    private static readonly string[] Templates =
    [
        "{apiGroups: [\"\"], resources: [configmaps], verbs: [get, list, watch]}",
        "{apiGroups: [\"\"], resources: [secrets], resourceNames: [\"{0}-credentials\", \"{0}-tls\"], verbs: [get]}",
        "{apiGroups: [\"\"], resources: [pods, services, endpoints], verbs: [get, list, watch]}",
        "{apiGroups: [coordination.k8s.io], resources: [leases], verbs: [get, create, update]}",
        "{apiGroups: [\"\", events.k8s.io], resources: [events], verbs: [create, patch]}",
        "{apiGroups: [monitoring.coreos.com], resources: [\"*\"], verbs: [get, list, watch]}",
        "{apiGroups: [networking.k8s.io], resources: [networkpolicies, ingresses], verbs: [get, list, watch]}",
        "{apiGroups: [apps], resources: [deployments, statefulsets], verbs: [get, list, watch]}",
        "{apiGroups: [\"\"], resources: [configmaps], resourceNames: [\"{0}\"], verbs: [get, update, patch]}",
        "{apiGroups: [discovery.k8s.io], resources: [endpointslices], verbs: [get, list, watch]}",
    ];

    /// <summary>Risky tenant rule templates (a deployer, a debugger, a secret reader…), drawn one time in ten.</summary>
    private static readonly string[] RiskyTemplates =
    [
        "{apiGroups: [apps], resources: [deployments, replicasets], verbs: [get, list, watch, create, update, patch, delete]}",
        "{apiGroups: [\"\"], resources: [pods/exec, pods/portforward], verbs: [create, get]}",
        "{apiGroups: [batch], resources: [jobs, cronjobs], verbs: [\"*\"]}",
        "{apiGroups: [\"\"], resources: [secrets], verbs: [get, list, watch]}",
        "{apiGroups: [\"\"], resources: [serviceaccounts/token], resourceNames: [\"{0}\"], verbs: [create]}",
        "{apiGroups: [\"*\"], resources: [\"*\"], verbs: [get, list, watch]}",
        "{apiGroups: [rbac.authorization.k8s.io], resources: [rolebindings, roles], verbs: [create, update, patch]}",
        "{apiGroups: [\"\"], resources: [pods], verbs: [update, patch, delete]}",
    ];

    private static readonly string[] ClusterTemplates =
    [
        "{apiGroups: [\"\"], resources: [nodes, nodes/metrics], verbs: [get, list, watch]}",
        "{apiGroups: [apiextensions.k8s.io], resources: [customresourcedefinitions], verbs: [get, list, watch]}",
        "{apiGroups: [\"\"], resources: [namespaces], verbs: [get, list, watch]}",
        "{apiGroups: [metrics.k8s.io], resources: [pods, nodes], verbs: [get, list]}",
        "{apiGroups: [storage.k8s.io], resources: [storageclasses], verbs: [get, list, watch]}",
        "{nonResourceURLs: [/metrics, /healthz], verbs: [get]}",
    ];

    private static readonly string[] RiskyClusterTemplates =
    [
        "{apiGroups: [\"\"], resources: [secrets], verbs: [get, list, watch]}",
        "{apiGroups: [\"\"], resources: [users, groups, serviceaccounts], verbs: [impersonate], resourceNames: [\"{0}\"]}",
        "{apiGroups: [\"\"], resources: [nodes/proxy], verbs: [get]}",
        "{apiGroups: [admissionregistration.k8s.io], resources: [validatingwebhookconfigurations], verbs: [get, list, watch, update]}",
        "{apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles, clusterrolebindings], verbs: [bind, escalate, create, update], resourceNames: [\"{0}\"]}",
    ];

    private static string Template(DeterministicRandom random, bool cluster) => cluster
        ? random.Pick(random.Chance(0.1) ? RiskyClusterTemplates : ClusterTemplates)
        : random.Pick(random.Chance(0.1) ? RiskyTemplates : Templates);

    public static string Generate(RbacShape shape)
    {
        var random = DeterministicRandom.For(shape.Seed, "rbac");
        var yaml = new StringBuilder(64 << 20);
        var namespaces = Enumerable.Range(0, shape.Namespaces).Select(i => $"tenant-{i:D3}").ToList();
        foreach (var ns in namespaces)
        {
            Append(yaml, $"apiVersion: v1\nkind: Namespace\nmetadata: {{name: {ns}}}\n");
            for (var a = 0; a < shape.AccountsPerNamespace; a++)
                Append(yaml, $"apiVersion: v1\nkind: ServiceAccount\nmetadata: {{name: {Account(a)}, namespace: {ns}}}\n");
            for (var w = 0; w < shape.WorkloadsPerNamespace; w++)
            {
                var sa = Account(random.Next(shape.AccountsPerNamespace + 1));
                Append(yaml, $"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: app-{w}, namespace: {ns}}}\nspec:\n  selector: {{matchLabels: {{app: app-{w}}}}}\n"
                    + $"  template:\n    metadata: {{labels: {{app: app-{w}}}}}\n    spec:\n      serviceAccountName: {sa}\n      containers: [{{name: c, image: \"registry/app:{w}\"}}]\n");
            }
        }

        // Bootstrap-like ClusterRoles: aggregation as in a real cluster.
        AppendRole(yaml, "ClusterRole", "cluster-admin", null, null, null, ["{apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"*\"]}", "{nonResourceURLs: [\"*\"], verbs: [\"*\"]}"]);
        foreach (var name in new[] { "admin", "edit", "view" })
            AppendRole(yaml, "ClusterRole", name, null, $"rbac.authorization.k8s.io/aggregate-to-{name}", null, []);
        AppendRole(yaml, "ClusterRole", "system:aggregate-to-view", "rbac.authorization.k8s.io/aggregate-to-view: \"true\"", null, null,
            ["{apiGroups: [\"\"], resources: [pods, services, configmaps, endpoints], verbs: [get, list, watch]}", "{apiGroups: [apps], resources: [\"*\"], verbs: [get, list, watch]}"]);
        AppendRole(yaml, "ClusterRole", "system:aggregate-to-edit", "{rbac.authorization.k8s.io/aggregate-to-edit: \"true\", rbac.authorization.k8s.io/aggregate-to-admin: \"true\"}", null, null,
            ["{apiGroups: [\"\"], resources: [pods, pods/exec, pods/attach, secrets, services, configmaps], verbs: [create, delete, patch, update, get, list, watch]}",
             "{apiGroups: [apps], resources: [deployments, statefulsets, daemonsets], verbs: [create, delete, patch, update]}"]);
        AppendRole(yaml, "ClusterRole", "system:aggregate-to-admin", "rbac.authorization.k8s.io/aggregate-to-admin: \"true\"", null, null,
            ["{apiGroups: [rbac.authorization.k8s.io], resources: [roles, rolebindings], verbs: [create, delete, patch, update, get, list, watch]}"]);
        AppendRole(yaml, "ClusterRole", "system:controller:generic-garbage-collector", null, null, null,
            ["{apiGroups: [\"*\"], resources: [\"*\"], verbs: [delete, get, list, patch, update, watch]}"]);
        AppendRole(yaml, "ClusterRole", "system:node-proxier", null, null, null,
            ["{apiGroups: [\"\"], resources: [endpoints, services], verbs: [list, watch]}", "{apiGroups: [discovery.k8s.io], resources: [endpointslices], verbs: [list, watch]}"]);

        var clusterRoleNames = new List<string> { "cluster-admin", "admin", "edit", "view", "system:controller:generic-garbage-collector", "system:node-proxier" };
        for (var i = BootstrapClusterRoleCount; i < shape.ClusterRoles; i++)
        {
            var name = $"platform-{i}";
            clusterRoleNames.Add(name);
            var count = random.Next(1, 4);
            var rules = Enumerable.Range(0, count).Select(_ => Fill(Template(random, random.Chance(0.5)), name)).Distinct().ToList();
            // Some tenant ClusterRoles aggregate into view/edit, like CRD operators do.
            var label = random.Chance(0.05) ? $"rbac.authorization.k8s.io/aggregate-to-{random.Pick(new[] { "view", "edit" })}: \"true\"" : null;
            AppendRole(yaml, "ClusterRole", name, label, null, null, rules);
        }
        var rolesByNamespace = namespaces.ToDictionary(n => n, _ => new List<string>());
        for (var i = 0; i < shape.NamespacedRoles; i++)
        {
            var ns = namespaces[i % namespaces.Count];
            var name = $"role-{i}";
            rolesByNamespace[ns].Add(name);
            var rules = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Fill(Template(random, false), $"app-{random.Next(shape.WorkloadsPerNamespace + 1)}")).Distinct().ToList();
            AppendRole(yaml, "Role", name, null, null, ns, rules);
        }

        for (var i = 0; i < shape.ClusterRoleBindings; i++)
        {
            // Mostly harmless roles; cluster-admin and the risky ones rarely.
            var role = i == 0 || random.Chance(0.005) ? "cluster-admin" : random.Chance(0.3) ? "view" : clusterRoleNames[random.Next(4, clusterRoleNames.Count)];
            AppendBinding(yaml, "ClusterRoleBinding", $"crb-{i}", null, "ClusterRole", role, Subjects(random, namespaces, shape, cluster: true));
        }
        for (var i = 0; i < shape.RoleBindings; i++)
        {
            var ns = namespaces[i % namespaces.Count];
            var local = rolesByNamespace[ns];
            var (kind, role) = local.Count > 0 && random.Chance(0.7) ? ("Role", random.Pick(local)) : ("ClusterRole", random.Pick(new[] { "view", "view", "view", "edit", "admin", clusterRoleNames[random.Next(4, clusterRoleNames.Count)] }));
            AppendBinding(yaml, "RoleBinding", $"rb-{i}", ns, kind, role, Subjects(random, namespaces, shape, cluster: false, ns));
        }
        return yaml.ToString();
    }

    private static string Account(int index) => index == 0 ? "default" : $"sa-{index}";

    private static string Fill(string template, string name) =>
        template.Replace("{0}", name, StringComparison.Ordinal);

    private static IReadOnlyList<string> Subjects(DeterministicRandom random, IReadOnlyList<string> namespaces, RbacShape shape, bool cluster, string? ns = null)
    {
        var subjects = new List<string>();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var roll = random.Next(10);
            if (roll < 7)
            {
                var target = cluster || random.Chance(0.1) ? random.Pick(namespaces) : ns!;
                var sa = Account(random.Next(1, shape.AccountsPerNamespace));
                subjects.Add(!cluster && target == ns && random.Chance(0.5) ? $"{{kind: ServiceAccount, name: {sa}}}" : $"{{kind: ServiceAccount, name: {sa}, namespace: {target}}}");
            }
            else if (roll < 9) subjects.Add($"{{kind: Group, apiGroup: rbac.authorization.k8s.io, name: team-{random.Next(40)}}}");
            else subjects.Add($"{{kind: User, apiGroup: rbac.authorization.k8s.io, name: user-{random.Next(500)}@example.com}}");
        }
        return subjects;
    }

    private static void AppendRole(StringBuilder yaml, string kind, string name, string? labels, string? aggregateLabel, string? ns, IReadOnlyList<string> rules)
    {
        var meta = new StringBuilder($"name: \"{name}\"");
        if (ns is not null) meta.Append(CultureInfo.InvariantCulture, $", namespace: {ns}");
        if (labels is not null) meta.Append(", labels: ").Append(labels.StartsWith('{') ? labels : "{" + labels + "}");
        var text = new StringBuilder($"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata: {{{meta}}}\n");
        if (aggregateLabel is not null) text.Append(CultureInfo.InvariantCulture, $"aggregationRule:\n  clusterRoleSelectors: [{{matchLabels: {{{aggregateLabel}: \"true\"}}}}]\n");
        text.Append(rules.Count == 0 ? "rules: []\n" : "rules:\n" + string.Concat(rules.Select(r => $"- {r}\n")));
        Append(yaml, text.ToString());
    }

    private static void AppendBinding(StringBuilder yaml, string kind, string name, string? ns, string roleKind, string role, IReadOnlyList<string> subjects)
    {
        var meta = ns is null ? $"{{name: {name}}}" : $"{{name: {name}, namespace: {ns}}}";
        Append(yaml, $"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata: {meta}\n"
            + $"roleRef: {{apiGroup: rbac.authorization.k8s.io, kind: {roleKind}, name: \"{role}\"}}\nsubjects:\n" + string.Concat(subjects.Select(s => $"- {s}\n")));
    }

    private static void Append(StringBuilder yaml, string document) => yaml.Append("---\n").Append(document);
}
