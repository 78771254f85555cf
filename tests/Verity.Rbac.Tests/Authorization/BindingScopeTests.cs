using Verity.Rbac.Authorization;
using static Verity.Rbac.Tests.TestRbac;

namespace Verity.Rbac.Tests.Authorization;

/// <summary>Where a binding grants (VisitRulesFor in pkg/registry/rbac/validation/rule.go) and to whom (appliesTo).</summary>
public sealed class BindingScopeTests
{
    private const string PodReader = "{apiGroups: [''], resources: [pods, namespaces, nodes], verbs: [get, list]}";

    [Fact]
    public void RoleBindingToClusterRoleGrantsOnlyInItsNamespace()
    {
        var authorizer = Authorizer(ClusterRole("reader", PodReader) + RoleBinding("team", "b", "ClusterRole", "reader", Alice));
        Assert.True(authorizer.Can(User("alice"), "get", "", "pods", name: "p", ns: "team"));
        Assert.False(authorizer.Can(User("alice"), "get", "", "pods", name: "p", ns: "other"));
    }

    [Fact]
    public void RoleBindingNeverGrantsAClusterScopedRequest()
    {
        var authorizer = Authorizer(ClusterRole("reader", PodReader) + RoleBinding("team", "b", "ClusterRole", "reader", Alice));
        // list pods across all namespaces (GET /api/v1/pods) has no namespace.
        Assert.False(authorizer.Can(User("alice"), "list", "", "pods", ns: ""));
        // nodes are cluster-scoped: the namespace given is dropped, as the URL has none.
        Assert.False(authorizer.Can(User("alice"), "get", "", "nodes", name: "n1", ns: "team"));
        Assert.False(authorizer.Can(User("alice"), "list", "", "namespaces"));
    }

    [Fact]
    public void RoleBindingLetsItsSubjectsGetTheirOwnNamespace()
    {
        // GET /api/v1/namespaces/team has namespace "team" in its request attributes (RequestInfoFactory).
        var authorizer = Authorizer(ClusterRole("reader", PodReader) + RoleBinding("team", "b", "ClusterRole", "reader", Alice));
        var request = RequestAttributes.ForResource(User("alice"), "get", "", "namespaces", name: "team");
        Assert.Equal("team", request.Namespace);
        Assert.True(authorizer.Authorize(request).Allowed);
        Assert.False(authorizer.Can(User("alice"), "get", "", "namespaces", name: "other", ns: "team"));
    }

    [Fact]
    public void RoleGrantsInItsNamespace()
    {
        var authorizer = Authorizer(Role("team", "r", PodReader) + RoleBinding("team", "b", "Role", "r", Alice));
        Assert.True(authorizer.Can(User("alice"), "list", "", "pods", ns: "team"));
        Assert.False(authorizer.Can(User("alice"), "list", "", "pods", ns: "other"));
        Assert.False(authorizer.Can(User("alice"), "list", "", "pods"));
    }

    [Fact]
    public void RoleBindingToARoleOfAnotherNamespaceGrantsNothing()
    {
        var model = Compile(Role("other", "r", PodReader) + RoleBinding("team", "b", "Role", "r", Alice), allowDiagnostics: true);
        Assert.Equal(RbacDiagnostics.MissingRole, Assert.Single(model.Diagnostics).Code);
        var authorizer = new Authorizer(model);
        Assert.False(authorizer.Can(User("alice"), "list", "", "pods", ns: "team"));
        Assert.False(authorizer.Can(User("alice"), "list", "", "pods", ns: "other"));
    }

    [Fact]
    public void NonResourceUrlsInARoleBindingAreInert()
    {
        var authorizer = Authorizer(ClusterRole("health", "{nonResourceURLs: [/healthz], verbs: [get]}")
            + RoleBinding("team", "b", "ClusterRole", "health", Alice));
        Assert.False(authorizer.Authorize(RequestAttributes.ForNonResource(User("alice"), "get", "/healthz")).Allowed);
        // Even if a caller put a namespace on a non-resource request, RoleBindings are not visited.
        var withNamespace = RequestAttributes.ForNonResource(User("alice"), "get", "/healthz") with { Namespace = "team" };
        Assert.False(authorizer.Authorize(withNamespace).Allowed);
        var clusterWide = Authorizer(ClusterRole("health", "{nonResourceURLs: [/healthz], verbs: [get]}") + ClusterRoleBinding("b", "health", Alice));
        Assert.True(clusterWide.Authorize(RequestAttributes.ForNonResource(User("alice"), "get", "/healthz")).Allowed);
    }

    [Fact]
    public void ServiceAccountSubjectWithoutNamespaceIsTheBindingsNamespace()
    {
        var authorizer = Authorizer(ClusterRole("reader", PodReader) + RoleBinding("team", "b", "ClusterRole", "reader", Sa("builder")));
        Assert.True(authorizer.Can(UserInfo.ServiceAccount("team", "builder"), "get", "", "pods", name: "p", ns: "team"));
        Assert.False(authorizer.Can(UserInfo.ServiceAccount("default", "builder"), "get", "", "pods", name: "p", ns: "team"));
        var binding = Assert.Single(authorizer.Model.Bindings);
        Assert.Equal(Verity.Rbac.Model.Subject.ServiceAccount("team", "builder"), Assert.Single(binding.Subjects));
    }

    [Fact]
    public void ServiceAccountSubjectInAnotherNamespaceIsGrantedInTheBindingsNamespace()
    {
        var authorizer = Authorizer(ClusterRole("reader", PodReader) + RoleBinding("team", "b", "ClusterRole", "reader", Sa("ci", "tools")));
        Assert.True(authorizer.Can(UserInfo.ServiceAccount("tools", "ci"), "get", "", "pods", name: "p", ns: "team"));
        Assert.False(authorizer.Can(UserInfo.ServiceAccount("tools", "ci"), "get", "", "pods", name: "p", ns: "tools"));
    }

    [Fact]
    public void ServiceAccountMatchesByUserName()
    {
        // A User subject named like a service account matches it too (both compare the user name).
        var authorizer = Authorizer(ClusterRole("reader", PodReader)
            + ClusterRoleBinding("b", "reader", "{kind: User, apiGroup: rbac.authorization.k8s.io, name: 'system:serviceaccount:team:ci'}"));
        Assert.True(authorizer.Can(UserInfo.ServiceAccount("team", "ci"), "list", "", "pods", ns: "x"));
    }

    [Fact]
    public void GroupSubjects()
    {
        var authorizer = Authorizer(ClusterRole("reader", PodReader) + ClusterRoleBinding("b", "reader", Devs)
            + ClusterRoleBinding("sas", "reader", "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: 'system:serviceaccounts:ci'}"));
        Assert.True(authorizer.Can(User("bob", "devs"), "list", "", "pods"));
        Assert.False(authorizer.Can(User("devs"), "list", "", "pods"));
        Assert.True(authorizer.Can(UserInfo.ServiceAccount("ci", "x"), "list", "", "pods"));
        Assert.False(authorizer.Can(UserInfo.ServiceAccount("prod", "x"), "list", "", "pods"));
    }

    [Fact]
    public void SystemMastersAreAllowedEverythingWithoutAnyBinding()
    {
        var authorizer = Authorizer(ClusterRole("reader", PodReader));
        var decision = authorizer.Authorize(RequestAttributes.ForResource(User("root", UserInfo.SystemMasters), "escalate", "rbac.authorization.k8s.io", "clusterroles", name: "x"));
        Assert.Equal(Decision.Allowed, decision.Decision);
        Assert.True(decision.IsPrivilegedGroup);
        Assert.Null(decision.Grant);
        Assert.True(authorizer.Authorize(RequestAttributes.ForNonResource(User("root", UserInfo.SystemMasters), "get", "/anything")).Allowed);
        Assert.False(authorizer.Can(User(UserInfo.SystemMasters), "get", "", "pods", name: "p", ns: "a"));
    }

    [Fact]
    public void DecisionNamesTheBindingRoleAndRule()
    {
        var authorizer = Authorizer(ClusterRole("reader", "{apiGroups: [''], resources: [secrets], verbs: [get]}", PodReader)
            + RoleBinding("team", "b", "ClusterRole", "reader", Devs, Alice));
        var decision = authorizer.Authorize(RequestAttributes.ForResource(User("alice"), "list", "", "pods", ns: "team"));
        Assert.True(decision.Allowed);
        var grant = decision.Grant!;
        Assert.Equal("RoleBinding/team/b", grant.Binding.ToString());
        Assert.Equal("User alice", grant.Subject.ToString());
        Assert.Equal("ClusterRole/reader", grant.Role.ToString());
        Assert.Equal("ClusterRole/reader rules[1]", grant.Rule.Origin.ToString());
        Assert.Equal("RBAC: allowed by RoleBinding/team/b (User alice) -> ClusterRole/reader: ClusterRole/reader rules[1]", decision.Reason);
        var denied = authorizer.Authorize(RequestAttributes.ForResource(User("alice"), "delete", "", "pods", name: "p", ns: "team"));
        Assert.Equal(Decision.NoOpinion, denied.Decision);
        Assert.Equal("RBAC: no binding of \"alice\" allows delete pods \"p\" in namespace \"team\"", denied.Reason);
    }
}
