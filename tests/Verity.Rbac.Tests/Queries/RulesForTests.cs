using Verity.Rbac.Authorization;
using Verity.Rbac.Model;
using static Verity.Rbac.Tests.TestRbac;

namespace Verity.Rbac.Tests.Queries;

public sealed class RulesForTests
{
    private static readonly string Yaml =
        ServiceAccount("team", "app")
        + ClusterRole("view", "{apiGroups: [''], resources: [pods], verbs: [get]}", "{nonResourceURLs: [/metrics], verbs: [get]}")
        + ClusterRole("health", "{nonResourceURLs: [/healthz], verbs: [get]}")
        + ClusterRole("everyone", "{apiGroups: [''], resources: [configmaps], verbs: [list]}")
        + Role("team", "deployer", "{apiGroups: [apps], resources: [deployments], verbs: [create]}")
        + ClusterRoleBinding("health", "health", Alice)
        + ClusterRoleBinding("everyone", "everyone", "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: 'system:authenticated'}")
        + RoleBinding("team", "view", "ClusterRole", "view", Alice, Sa("app"))
        + RoleBinding("team", "deploy", "Role", "deployer", Devs);

    private static string[] Rules(IEnumerable<Grant> grants) => grants.Select(g => $"{g.Binding}: {g.Rule}").ToArray();

    [Fact]
    public void NamespaceScopeHasClusterAndNamespaceRules()
    {
        var rules = Authorizer(Yaml).RulesFor("alice", [], "team");
        Assert.Equal(
        [
            "ClusterRoleBinding/everyone: verbs=[list] apiGroups=[\"\"] resources=[configmaps]",
            "RoleBinding/team/view: verbs=[get] apiGroups=[\"\"] resources=[pods]",
        ], Rules(rules.ResourceRules));
        // /metrics comes through a RoleBinding: inert, so not listed.
        Assert.Equal(["ClusterRoleBinding/health: verbs=[get] nonResourceURLs=[/healthz]"], Rules(rules.NonResourceRules));
        Assert.False(rules.IsUnrestricted);
    }

    [Fact]
    public void ClusterScopeHasOnlyClusterRules()
    {
        var rules = Authorizer(Yaml).RulesFor("alice", [], null);
        Assert.Equal(["ClusterRoleBinding/everyone: verbs=[list] apiGroups=[\"\"] resources=[configmaps]"], Rules(rules.ResourceRules));
    }

    [Fact]
    public void GroupsCount()
    {
        var rules = Authorizer(Yaml).RulesFor("bob", ["devs"], "team");
        Assert.Equal(
        [
            "ClusterRoleBinding/everyone: verbs=[list] apiGroups=[\"\"] resources=[configmaps]",
            "RoleBinding/team/deploy: verbs=[create] apiGroups=[apps] resources=[deployments]",
        ], Rules(rules.ResourceRules));
        Assert.True(Authorizer(Yaml).RulesFor("root", ["system:masters"], null).IsUnrestricted);
    }

    [Fact]
    public void SubjectsAndTheirRulesPerScope()
    {
        var authorizer = Authorizer(Yaml);
        Assert.Equal(
            ["User alice", "Group devs", "Group system:authenticated", "ServiceAccount team/app"],
            authorizer.Model.Subjects.Select(s => s.ToString()));
        Assert.Equal(["team"], authorizer.Model.Namespaces);
        var perScope = authorizer.Model.Subjects.ToDictionary(s => s.ToString(),
            s => new[] { null, "team" }.Select(ns => authorizer.RulesFor(s, ns).ResourceRules.Count).ToArray());
        Assert.Equal([1, 2], perScope["User alice"]);
        Assert.Equal([0, 1], perScope["Group devs"]);
        Assert.Equal([1, 1], perScope["Group system:authenticated"]);
        Assert.Equal([1, 2], perScope["ServiceAccount team/app"]);
        Assert.Equal("RoleBinding/team/view", authorizer.RulesFor(Subject.ServiceAccount("team", "app"), "team").ResourceRules[1].Binding.ToString());
    }
}
