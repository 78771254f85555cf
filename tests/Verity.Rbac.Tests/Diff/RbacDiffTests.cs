using Verity.Rbac.Diff;
using Verity.Rbac.Model;
using static Verity.Rbac.Tests.TestRbac;

namespace Verity.Rbac.Tests.Diff;

/// <summary>Exact cases of <see cref="RbacDiff"/>: what counts as a permission, and how the maximal ones are reported.</summary>
public sealed class RbacDiffTests
{
    private const string Namespaces = "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n";

    private static RbacDiffResult Compare(string before, string after) =>
        RbacDiff.Compare(Compile(Namespaces + before, allowDiagnostics: true), Compile(Namespaces + after, allowDiagnostics: true));

    private static string Changes(RbacDiffResult result) => string.Join("\n", result.Changes.SelectMany(c =>
        c.Gained.Select(g => $"{c.Subject} + {g.Permission}").Concat(c.Lost.Select(l => $"{c.Subject} - {l.Permission}"))));

    [Fact]
    public void No_change_is_empty()
    {
        var yaml = ClusterRole("r", "{apiGroups: [''], resources: [pods], verbs: [get]}") + ClusterRoleBinding("b", "r", Alice);
        var result = Compare(yaml, yaml);
        Assert.Empty(result.Changes);
        Assert.False(result.HasGains);
        Assert.Equal((1, 2), (result.SubjectsCompared, result.NamespacesCompared));
    }

    [Fact]
    public void A_cluster_wide_gain_is_reported_once_not_per_namespace()
    {
        var result = Compare(ServiceAccount("a", "x"),
            ServiceAccount("a", "x") + ClusterRole("r", "{apiGroups: [apps], resources: [deployments], verbs: [create]}") + ClusterRoleBinding("b", "r", Sa("x", "a")));
        Assert.Equal("ServiceAccount a/x + create deployments.apps cluster-wide", Changes(result));
        Assert.True(result.HasGains);
        Assert.Equal("ClusterRoleBinding/b", result.Changes[0].Gained[0].Grant!.Binding.ToString());
    }

    [Fact]
    public void Moving_a_grant_from_a_cluster_role_binding_to_a_role_binding_loses_every_other_namespace_only()
    {
        var role = ClusterRole("r", "{apiGroups: [''], resources: [secrets], verbs: [get]}");
        var result = Compare(role + ClusterRoleBinding("b", "r", Alice), role + RoleBinding("a", "b", "ClusterRole", "r", Alice));
        Assert.Equal("User alice - get secrets cluster-wide", Changes(result));
        Assert.False(result.HasGains);
    }

    [Fact]
    public void Dropping_resource_names_gains_every_name()
    {
        var result = Compare(
            Role("a", "r", "{apiGroups: [''], resources: [secrets], resourceNames: [db, tls], verbs: [get]}") + RoleBinding("a", "b", "Role", "r", Alice),
            Role("a", "r", "{apiGroups: [''], resources: [secrets], verbs: [get]}") + RoleBinding("a", "b", "Role", "r", Alice));
        Assert.Equal("User alice + get secrets in namespace a", Changes(result));
    }

    [Fact]
    public void A_star_is_a_permission_of_its_own()
    {
        var before = ClusterRole("r", "{apiGroups: [''], resources: [pods], verbs: ['*']}") + ClusterRoleBinding("b", "r", Alice);
        var after = ClusterRole("r", "{apiGroups: [''], resources: [pods], verbs: [get, list, delete]}") + ClusterRoleBinding("b", "r", Alice);
        Assert.Equal("User alice - * pods cluster-wide", Changes(Compare(before, after)));
        Assert.Equal("User alice + * pods cluster-wide", Changes(Compare(after, before)));
    }

    [Fact]
    public void A_subresource_wildcard_covers_the_subresources_it_brings()
    {
        var result = Compare(
            ClusterRole("r", "{apiGroups: [apps], resources: [deployments/scale], verbs: [update]}") + ClusterRoleBinding("b", "r", Alice),
            ClusterRole("r", "{apiGroups: [apps], resources: ['*/scale'], verbs: [update]}") + ClusterRoleBinding("b", "r", Alice));
        Assert.Equal("User alice + update *.apps/scale cluster-wide", Changes(result));
    }

    [Fact]
    public void A_url_prefix_replacing_a_url_gains_the_prefix_only()
    {
        var result = Compare(
            ClusterRole("r", "{nonResourceURLs: [/metrics], verbs: [get]}") + ClusterRoleBinding("b", "r", Alice),
            ClusterRole("r", "{nonResourceURLs: ['/metrics*'], verbs: [get]}") + ClusterRoleBinding("b", "r", Alice));
        Assert.Equal("User alice + get /metrics*", Changes(result));
    }

    [Fact]
    public void A_grant_to_an_implicit_group_reaches_every_service_account_in_it()
    {
        var sas = ServiceAccount("a", "x") + ServiceAccount("b", "yy");
        var result = Compare(sas, sas + Role("a", "r", "{apiGroups: [''], resources: [configmaps], verbs: [list]}")
            + RoleBinding("a", "b", "Role", "r", "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: 'system:serviceaccounts:a'}"));
        Assert.Equal("Group system:serviceaccounts:a + list configmaps in namespace a\nServiceAccount a/x + list configmaps in namespace a", Changes(result));
    }

    [Fact]
    public void A_role_binding_to_a_cluster_scoped_resource_grants_nothing_so_changes_nothing()
    {
        var result = Compare("", ClusterRole("r", "{apiGroups: [''], resources: [nodes], verbs: [get]}") + RoleBinding("a", "b", "ClusterRole", "r", Alice));
        Assert.Empty(result.Changes);
    }

    [Fact]
    public void Binding_system_masters_changes_nothing_since_its_members_bypass_rbac()
    {
        var role = ClusterRole("r", "{apiGroups: [''], resources: [pods], verbs: [get]}");
        var result = Compare(role, role + ClusterRoleBinding("b", "r", "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: 'system:masters'}"));
        Assert.Empty(result.Changes);
    }

    [Fact]
    public void Permissions_are_sorted_cluster_wide_first_then_by_namespace_group_resource_verb()
    {
        var after = ClusterRole("c", "{apiGroups: [apps], resources: [deployments], verbs: [list, get]}", "{nonResourceURLs: [/healthz], verbs: [get]}")
            + ClusterRoleBinding("b", "c", Alice)
            + Role("b", "r", "{apiGroups: [''], resources: [pods], verbs: [get]}") + RoleBinding("b", "rb", "Role", "r", Alice)
            + Role("a", "r", "{apiGroups: [''], resources: [secrets, pods], verbs: [get]}") + RoleBinding("a", "rb", "Role", "r", Alice);
        Assert.Equal(
            """
            User alice + get deployments.apps cluster-wide
            User alice + list deployments.apps cluster-wide
            User alice + get pods in namespace a
            User alice + get secrets in namespace a
            User alice + get pods in namespace b
            User alice + get /healthz
            """.ReplaceLineEndings("\n"), Changes(Compare("", after)));
    }

    [Theory]
    [InlineData("*", "", "pods", null, "get", "", "pods", "x", true)]
    [InlineData("get", "", "pods", null, "*", "", "pods", null, false)]
    [InlineData("get", "*", "*", null, "get", "apps", "deployments/scale", "x", true)]
    [InlineData("get", "apps", "*/scale", null, "get", "apps", "deployments/scale", null, true)]
    [InlineData("get", "apps", "*/scale", null, "get", "apps", "deployments", null, false)]
    [InlineData("get", "", "pods", "x", "get", "", "pods", null, false)]
    [InlineData("get", "", "pods/*", null, "get", "", "pods/exec", null, false)]
    public void Covers_follows_rbac_matching(string verb, string group, string resource, string? name,
        string otherVerb, string otherGroup, string otherResource, string? otherName, bool covers)
    {
        var p = new Permission { Verb = verb, ApiGroup = group, Resource = resource, ResourceName = name, Namespace = "a" };
        var q = new Permission { Verb = otherVerb, ApiGroup = otherGroup, Resource = otherResource, ResourceName = otherName, Namespace = "a" };
        Assert.Equal(covers, p.Covers(q));
        Assert.True((p with { Namespace = null }).Covers(q) == covers);
        Assert.False(covers && p.Covers(q with { Namespace = null }));
    }
}
