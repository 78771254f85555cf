using System.Text.Json.Nodes;

namespace Verity.Bench.Generation;

/// <summary>
/// ServiceAccounts, Roles, RoleBindings, ClusterRoles and ClusterRoleBindings: the bootstrap roles
/// (cluster-admin, admin/edit/view with aggregation rules), team roles, and a few risky grants
/// (secrets everywhere, escalate/bind, impersonate) for RBAC analysis to find.
/// </summary>
internal sealed class RbacObjects(MetaFactory meta)
{
    private const string RbacApiVersion = "rbac.authorization.k8s.io/v1";
    private const string RbacGroup = "rbac.authorization.k8s.io";

    private static readonly string[] RoleNames = ["config-reader", "secret-reader", "deployer", "pod-exec", "lease-manager", "event-writer"];

    /// <summary>Bootstrap cluster roles every cluster has, before the generated ones.</summary>
    private static readonly string[] BootstrapClusterRoles = ["admin", "cluster-admin", "edit", "view", "system:aggregate-to-view", "system:node-proxier", "system:controller:replicaset-controller"];

    private static readonly string[] CustomClusterRoles = ["crd-reader", "node-reader", "namespace-admin", "impersonator", "secrets-reader", "metrics-reader"];

    public JsonObject ServiceAccount(NamespacePlan ns, string name, WorkloadPlan? workload)
    {
        var labels = workload is null ? null : MetaFactory.Map((workload.SelectorLabel.Key, workload.SelectorLabel.Value), ("app.kubernetes.io/part-of", ns.Team));
        var annotations = workload is not null && workload.Index % 5 == 2
            ? MetaFactory.Map(("eks.amazonaws.com/role-arn", $"arn:aws:iam::123456789012:role/{ns.Name}-{name}"))
            : null;
        var sa = new JsonObject();
        sa["apiVersion"] = "v1";
        if (workload is not null && workload.Index % 3 == 2) sa["automountServiceAccountToken"] = false;
        sa["kind"] = "ServiceAccount";
        sa["metadata"] = meta.Metadata("ServiceAccount", name, ns.Name, workload?.Created ?? ns.Created, labels, annotations);
        return sa;
    }

    public static string RoleName(int index) =>
        index < RoleNames.Length ? RoleNames[index] : $"{RoleNames[index % RoleNames.Length]}-{index / RoleNames.Length + 1}";

    public JsonObject Role(NamespacePlan ns, int index)
    {
        var name = RoleName(index);
        var rules = (index % RoleNames.Length) switch
        {
            0 => new JsonArray(Rule([""], ["configmaps"], ["get", "list", "watch"])),
            1 => new JsonArray(Rule([""], ["secrets"], ["get"], resourceNames: [$"{ns.Name}-db-credentials"])),
            2 => new JsonArray(
                Rule(["apps"], ["deployments", "replicasets"], ["get", "list", "watch", "create", "update", "patch", "delete"]),
                Rule([""], ["pods", "services"], ["get", "list", "watch"])),
            3 => new JsonArray(Rule([""], ["pods/exec", "pods/portforward"], ["create", "get"])),
            4 => new JsonArray(Rule(["coordination.k8s.io"], ["leases"], ["get", "create", "update"])),
            _ => new JsonArray(Rule(["", "events.k8s.io"], ["events"], ["create", "patch"])),
        };
        return new JsonObject
        {
            ["apiVersion"] = RbacApiVersion,
            ["kind"] = "Role",
            ["metadata"] = meta.Metadata("Role", name, ns.Name, ns.Created.AddMinutes(2), MetaFactory.Map(("app.kubernetes.io/part-of", ns.Team))),
            ["rules"] = rules,
        };
    }

    /// <summary>The <paramref name="index"/>th RoleBinding: the team group gets <c>view</c>, then workload service accounts get the namespace's roles.</summary>
    public (string Name, Func<JsonObject> Create) RoleBinding(NamespacePlan ns, IReadOnlyList<WorkloadPlan> workloads, int index)
    {
        if (index == 0)
        {
            var group = $"{ns.Team}-developers";
            var name = $"{group}-view";
            return (name, () => Binding("RoleBinding", name, ns.Name, ns.Created.AddMinutes(2), "ClusterRole", "view",
                new JsonArray(Subject("Group", group))));
        }
        var w = workloads[index % workloads.Count];
        var role = RoleName(index);
        var bindingName = $"{w.Name}-{role}";
        return (bindingName, () => Binding("RoleBinding", bindingName, ns.Name, w.Created, "Role", role,
            new JsonArray(ServiceAccountSubject(w.ServiceAccount, ns.Name))));
    }

    public static string ClusterRoleName(int index, IReadOnlyList<NamespacePlan> namespaces)
    {
        if (index < BootstrapClusterRoles.Length) return BootstrapClusterRoles[index];
        var k = index - BootstrapClusterRoles.Length;
        return $"{namespaces[k % namespaces.Count].Team}-{CustomClusterRoles[k % CustomClusterRoles.Length]}-{k}";
    }

    public JsonObject ClusterRole(int index, IReadOnlyList<NamespacePlan> namespaces)
    {
        var name = ClusterRoleName(index, namespaces);
        var created = MetaFactory.ClusterCreated.AddMinutes(index);
        var bootstrap = index < BootstrapClusterRoles.Length;
        var labels = bootstrap ? MetaFactory.Map(("kubernetes.io/bootstrapping", "rbac-defaults")) : new JsonObject();
        var annotations = bootstrap ? MetaFactory.Map(("rbac.authorization.kubernetes.io/autoupdate", "true")) : null;
        JsonObject? aggregation = null;
        JsonArray rules;
        switch (name)
        {
            case "cluster-admin":
                rules = [Rule(["*"], ["*"], ["*"]), NonResourceRule(["*"], ["*"])];
                break;
            case "admin" or "edit" or "view":
                aggregation = new JsonObject
                {
                    ["clusterRoleSelectors"] = new JsonArray(new JsonObject
                    {
                        ["matchLabels"] = MetaFactory.Map(($"rbac.authorization.k8s.io/aggregate-to-{name}", "true")),
                    }),
                };
                var verbs = name == "view" ? new[] { "get", "list", "watch" } : ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
                rules =
                [
                    Rule([""], ["configmaps", "endpoints", "persistentvolumeclaims", "pods", "replicationcontrollers", "services"], verbs),
                    Rule(["apps"], ["daemonsets", "deployments", "replicasets", "statefulsets"], verbs),
                    Rule(["networking.k8s.io"], ["ingresses", "networkpolicies"], verbs),
                ];
                if (name != "view") rules.Add(Rule([""], ["secrets", "serviceaccounts"], verbs));
                if (name == "admin") rules.Add(Rule([RbacGroup], ["rolebindings", "roles"], verbs));
                break;
            case "system:aggregate-to-view":
                labels["rbac.authorization.k8s.io/aggregate-to-view"] = "true";
                rules = [Rule(["", "events.k8s.io"], ["events"], ["get", "list", "watch"])];
                break;
            case "system:node-proxier":
                rules = [Rule([""], ["endpoints", "services"], ["list", "watch"]), Rule(["discovery.k8s.io"], ["endpointslices"], ["list", "watch"])];
                break;
            case "system:controller:replicaset-controller":
                rules = [Rule(["apps", "extensions"], ["replicasets"], ["get", "list", "update", "watch"]), Rule([""], ["pods"], ["create", "delete", "list", "patch", "watch"])];
                break;
            default:
                var custom = CustomClusterRoles[(index - BootstrapClusterRoles.Length) % CustomClusterRoles.Length];
                labels["app.kubernetes.io/managed-by"] = "Helm";
                rules = custom switch
                {
                    "crd-reader" => [Rule(["apiextensions.k8s.io"], ["customresourcedefinitions"], ["get", "list", "watch"])],
                    "node-reader" => [Rule([""], ["nodes", "nodes/metrics"], ["get", "list", "watch"])],
                    "namespace-admin" => [Rule([RbacGroup], ["roles", "rolebindings"], ["bind", "escalate", "create", "update"]), Rule([""], ["namespaces"], ["*"])],
                    "impersonator" => [Rule([""], ["users", "groups", "serviceaccounts"], ["impersonate"])],
                    "secrets-reader" => [Rule([""], ["secrets"], ["get", "list", "watch"])],
                    _ => [Rule(["metrics.k8s.io"], ["pods", "nodes"], ["get", "list"]), NonResourceRule(["/metrics"], ["get"])],
                };
                if (custom == "metrics-reader") labels["rbac.authorization.k8s.io/aggregate-to-view"] = "true";
                break;
        }
        var role = new JsonObject();
        if (aggregation is not null) role["aggregationRule"] = aggregation;
        role["apiVersion"] = RbacApiVersion;
        role["kind"] = "ClusterRole";
        role["metadata"] = meta.Metadata("ClusterRole", name, null, created, labels, annotations);
        role["rules"] = rules;
        return role;
    }

    public static string ClusterRoleBindingName(int index, int clusterRoles, IReadOnlyList<NamespacePlan> namespaces) => index switch
    {
        0 => "cluster-admin",
        1 => "system:node-proxier",
        _ => $"{ClusterRoleName(index % Math.Max(1, clusterRoles), namespaces)}-binding-{index}",
    };

    public JsonObject ClusterRoleBinding(int index, int clusterRoles, IReadOnlyList<NamespacePlan> namespaces, IReadOnlyList<WorkloadPlan> workloads)
    {
        var name = ClusterRoleBindingName(index, clusterRoles, namespaces);
        var created = MetaFactory.ClusterCreated.AddMinutes(index);
        switch (index)
        {
            case 0:
                return Binding("ClusterRoleBinding", name, null, created, "ClusterRole", "cluster-admin", new JsonArray(Subject("Group", "system:masters")));
            case 1:
                return Binding("ClusterRoleBinding", name, null, created, "ClusterRole", "system:node-proxier", new JsonArray(Subject("User", "system:kube-proxy")));
        }
        var role = ClusterRoleName(index % Math.Max(1, clusterRoles), namespaces);
        var w = workloads[(index * 7) % workloads.Count];
        var subjects = new JsonArray(ServiceAccountSubject(w.ServiceAccount, w.Namespace.Name));
        if (index % 3 == 0) subjects.Add(Subject("Group", $"{w.Namespace.Team}-oncall"));
        if (index % 5 == 0) subjects.Add(Subject("User", $"{w.Namespace.Team}.lead@example.com"));
        return Binding("ClusterRoleBinding", name, null, created, "ClusterRole", role, subjects);
    }

    private JsonObject Binding(string kind, string name, string? ns, DateTimeOffset created, string roleKind, string roleName, JsonArray subjects) => new()
    {
        ["apiVersion"] = RbacApiVersion,
        ["kind"] = kind,
        ["metadata"] = meta.Metadata(kind, name, ns, created),
        ["roleRef"] = new JsonObject { ["apiGroup"] = RbacGroup, ["kind"] = roleKind, ["name"] = roleName },
        ["subjects"] = subjects,
    };

    private static JsonObject Subject(string kind, string name) => new() { ["apiGroup"] = RbacGroup, ["kind"] = kind, ["name"] = name };

    private static JsonObject ServiceAccountSubject(string name, string ns) => new() { ["kind"] = "ServiceAccount", ["name"] = name, ["namespace"] = ns };

    private static JsonObject Rule(string[] apiGroups, string[] resources, string[] verbs, string[]? resourceNames = null)
    {
        var rule = new JsonObject { ["apiGroups"] = MetaFactory.Strings(apiGroups) };
        if (resourceNames is not null) rule["resourceNames"] = MetaFactory.Strings(resourceNames);
        rule["resources"] = MetaFactory.Strings(resources);
        rule["verbs"] = MetaFactory.Strings(verbs);
        return rule;
    }

    private static JsonObject NonResourceRule(string[] urls, string[] verbs) => new()
    {
        ["nonResourceURLs"] = MetaFactory.Strings(urls),
        ["verbs"] = MetaFactory.Strings(verbs),
    };
}
