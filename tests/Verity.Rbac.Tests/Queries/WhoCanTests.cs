using Verity.Rbac.Model;
using static Verity.Rbac.Tests.TestRbac;

namespace Verity.Rbac.Tests.Queries;

public sealed class WhoCanTests
{
    private static readonly string Yaml =
        ServiceAccount("team", "app") + ServiceAccount("team", "worker") + ServiceAccount("ops", "bot")
        + ClusterRole("secret-reader", "{apiGroups: [''], resources: [secrets], verbs: [get, list]}")
        + ClusterRole("named", "{apiGroups: [''], resources: [secrets], resourceNames: [tls], verbs: [get]}")
        + ClusterRole("admin", "{apiGroups: ['*'], resources: ['*'], verbs: ['*']}")
        + ClusterRoleBinding("admins", "admin", Alice)
        + RoleBinding("team", "readers", "ClusterRole", "secret-reader", Sa("app"), Devs)
        + RoleBinding("team", "tls", "ClusterRole", "named", "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: 'system:serviceaccounts:team'}")
        + RoleBinding("ops", "ops-readers", "ClusterRole", "secret-reader", "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: 'system:authenticated'}");

    private static string[] Lines(IEnumerable<Verity.Rbac.Authorization.WhoCanEntry> entries) =>
        entries.Select(e => $"{e.Subject}|{e.Grant.Binding}|{e.Grant.Role}|{e.ViaGroup}").ToArray();

    [Fact]
    public void NamespacedRequestListsClusterAndNamespaceGrantsWithGroupsExpanded()
    {
        var who = Authorizer(Yaml).WhoCan("get", "", "secrets", name: "tls", ns: "team");
        Assert.Equal(
        [
            "User alice|ClusterRoleBinding/admins|ClusterRole/admin|",
            "Group devs|RoleBinding/team/readers|ClusterRole/secret-reader|",
            "Group system:serviceaccounts:team|RoleBinding/team/tls|ClusterRole/named|",
            "ServiceAccount team/app|RoleBinding/team/readers|ClusterRole/secret-reader|",
            "ServiceAccount team/app|RoleBinding/team/tls|ClusterRole/named|system:serviceaccounts:team",
            "ServiceAccount team/worker|RoleBinding/team/tls|ClusterRole/named|system:serviceaccounts:team",
        ], Lines(who));
    }

    [Fact]
    public void ResourceNamesDoNotMatchAListAndOtherNamespacesDoNotCount()
    {
        var who = Authorizer(Yaml).WhoCan("list", "", "secrets", ns: "team");
        Assert.Equal(
        [
            "User alice|ClusterRoleBinding/admins|ClusterRole/admin|",
            "Group devs|RoleBinding/team/readers|ClusterRole/secret-reader|",
            "ServiceAccount team/app|RoleBinding/team/readers|ClusterRole/secret-reader|",
        ], Lines(who));
    }

    [Fact]
    public void AuthenticatedExpandsToEveryServiceAccountAndIsListedItself()
    {
        var who = Authorizer(Yaml).WhoCan("list", "", "secrets", ns: "ops");
        Assert.Equal(
        [
            "User alice|ClusterRoleBinding/admins|ClusterRole/admin|",
            "Group system:authenticated|RoleBinding/ops/ops-readers|ClusterRole/secret-reader|",
            "ServiceAccount ops/bot|RoleBinding/ops/ops-readers|ClusterRole/secret-reader|system:authenticated",
            "ServiceAccount team/app|RoleBinding/ops/ops-readers|ClusterRole/secret-reader|system:authenticated",
            "ServiceAccount team/worker|RoleBinding/ops/ops-readers|ClusterRole/secret-reader|system:authenticated",
        ], Lines(who));
    }

    [Fact]
    public void ClusterScopeIsOnlyClusterRoleBindings()
    {
        Assert.Equal(["User alice|ClusterRoleBinding/admins|ClusterRole/admin|"], Lines(Authorizer(Yaml).WhoCan("list", "", "secrets")));
        Assert.Equal(["User alice|ClusterRoleBinding/admins|ClusterRole/admin|"], Lines(Authorizer(Yaml).WhoCan("escalate", "rbac.authorization.k8s.io", "clusterroles")));
    }

    [Fact]
    public void SubjectsIncludeUnboundServiceAccounts()
    {
        Assert.Equal(
            ["User alice", "Group devs", "Group system:authenticated", "Group system:serviceaccounts:team",
             "ServiceAccount ops/bot", "ServiceAccount team/app", "ServiceAccount team/worker"],
            Authorizer(Yaml).Model.Subjects.Select(s => s.ToString()));
    }

    [Fact]
    public void NonResource()
    {
        var authorizer = Authorizer(ClusterRole("m", "{nonResourceURLs: [/metrics], verbs: [get]}")
            + ClusterRoleBinding("m", "m", Alice) + RoleBinding("a", "m", "ClusterRole", "m", Devs));
        var entry = Assert.Single(authorizer.WhoCanNonResource("get", "/metrics"));
        Assert.Equal(Subject.User("alice"), entry.Subject);
        Assert.Empty(authorizer.WhoCanNonResource("post", "/metrics"));
    }

    [Fact]
    public void EveryGrantIsReportedWithTheFirstMatchingRuleOfTheRole()
    {
        var authorizer = Authorizer(ClusterRole("r", "{apiGroups: [''], resources: [pods], verbs: [list]}",
            "{apiGroups: [''], resources: [pods], verbs: ['*']}", "{apiGroups: [''], resources: ['*'], verbs: [get]}")
            + ClusterRoleBinding("b1", "r", Alice) + ClusterRoleBinding("b2", "r", Alice, Alice));
        var who = authorizer.WhoCan("get", "", "pods", name: "p", ns: "x");
        Assert.Equal(["ClusterRoleBinding/b1 rules[1]", "ClusterRoleBinding/b2 rules[1]"],
            who.Select(e => $"{e.Grant.Binding} rules[{e.Grant.Rule.Origin.RuleIndex}]"));
    }
}
