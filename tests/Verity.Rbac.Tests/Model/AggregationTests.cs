using Verity.Rbac.Model;
using static Verity.Rbac.Tests.TestRbac;

namespace Verity.Rbac.Tests.Model;

/// <summary>Aggregated ClusterRoles, as pkg/controller/clusterroleaggregation writes them.</summary>
public sealed class AggregationTests
{
    private static string Labeled(string name, string labels, params string[] rules) =>
        ClusterRole(name, rules).Replace($"metadata: {{name: \"{name}\"}}", $"metadata: {{name: \"{name}\", labels: {{{labels}}}}}");

    private static string Aggregated(string name, string selectors, string labels = "", params string[] rules) =>
        Labeled(name, labels, rules) + $"aggregationRule:\n  clusterRoleSelectors: {selectors}\n";

    private static Role Role(RbacModel model, string name) => model.Roles.Single(r => r.Name == name);

    private static string[] Verbs(Role role) => role.Rules.Select(r => string.Join(",", r.Verbs)).ToArray();

    [Fact]
    public void RulesAreTheUnionOfMatchingRolesByNameOrderAndHandWrittenRulesAreReplaced()
    {
        var model = Compile(
            Aggregated("view", "[{matchLabels: {agg: view}}]", "", "{apiGroups: [''], resources: [secrets], verbs: [handwritten]}")
            + Labeled("z-pods", "agg: view", "{apiGroups: [''], resources: [pods], verbs: [get]}", "{apiGroups: [''], resources: [pods], verbs: [list]}")
            + Labeled("a-svc", "agg: view", "{apiGroups: [''], resources: [services], verbs: [get]}", "{apiGroups: [''], resources: [pods], verbs: [list]}")
            + Labeled("other", "agg: edit", "{apiGroups: [''], resources: [pods], verbs: [delete]}"));
        var view = Role(model, "view");
        Assert.True(view.IsAggregated);
        Assert.Equal(["get", "list", "get"], Verbs(view)); // a-svc first; z-pods' duplicate list rule dropped
        Assert.Equal(["ClusterRole/a-svc rules[0]", "ClusterRole/a-svc rules[1]", "ClusterRole/z-pods rules[0]"],
            view.Rules.Select(r => r.Origin.ToString()));
    }

    [Fact]
    public void NestedAggregationConverges()
    {
        var model = Compile(
            Aggregated("admin", "[{matchLabels: {to-admin: 'true'}}]")
            + Aggregated("edit", "[{matchLabels: {to-edit: 'true'}}]", "to-admin: 'true'")
            + Aggregated("view", "[{matchLabels: {to-view: 'true'}}]", "to-edit: 'true'")
            + Labeled("leaf-view", "to-view: 'true'", "{apiGroups: [''], resources: [pods], verbs: [get]}")
            + Labeled("leaf-edit", "to-edit: 'true'", "{apiGroups: [''], resources: [pods], verbs: [delete]}"));
        Assert.Equal(["get"], Verbs(Role(model, "view")));
        Assert.Equal(["delete", "get"], Verbs(Role(model, "edit")));
        Assert.Equal(["delete", "get"], Verbs(Role(model, "admin")));
    }

    [Fact]
    public void EmptySelectorMatchesEveryOtherClusterRole()
    {
        var model = Compile(
            Aggregated("all", "[{}]", "", "{apiGroups: [''], resources: [x], verbs: [own]}")
            + ClusterRole("a", "{apiGroups: [''], resources: [pods], verbs: [get]}")
            + ClusterRole("b", "{apiGroups: [''], resources: [pods], verbs: [list]}"));
        Assert.Equal(["get", "list"], Verbs(Role(model, "all")));
    }

    [Fact]
    public void RolesThatOnlyAggregateEachOtherStayEmpty()
    {
        var model = Compile(
            Aggregated("a", "[{matchLabels: {n: b}}]", "n: a", "{apiGroups: [''], resources: [pods], verbs: [get]}")
            + Aggregated("b", "[{matchLabels: {n: a}}]", "n: b", "{apiGroups: [''], resources: [pods], verbs: [list]}"));
        Assert.Empty(Role(model, "a").Rules);
        Assert.Empty(Role(model, "b").Rules);
    }

    [Fact]
    public void AggregationRuleWithoutSelectorsHasNoRules()
    {
        var model = Compile(Aggregated("none", "[]", "", "{apiGroups: [''], resources: [pods], verbs: [get]}"));
        Assert.Empty(Role(model, "none").Rules);
    }

    [Fact]
    public void AggregatedRulesAreGrantedThroughBindings()
    {
        var authorizer = new Verity.Rbac.Authorization.Authorizer(Compile(
            Aggregated("view", "[{matchLabels: {agg: view}}]")
            + Labeled("pods", "agg: view", "{apiGroups: [''], resources: [pods], verbs: [get]}")
            + RoleBinding("team", "b", "ClusterRole", "view", Alice)));
        var decision = authorizer.Authorize(Verity.Rbac.Authorization.RequestAttributes.ForResource(User("alice"), "get", "", "pods", name: "p", ns: "team"));
        Assert.True(decision.Allowed);
        Assert.Equal("ClusterRole/view", decision.Grant!.Role.ToString());
        Assert.Equal("ClusterRole/pods rules[0]", decision.Grant.Rule.Origin.ToString());
    }
}
