using Verity.Rbac.Authorization;
using static Verity.Rbac.Tests.TestRbac;

namespace Verity.Rbac.Tests.Model;

/// <summary>The default discovery ClusterRoleBindings count only with <see cref="RbacOptions.IncludeDefaults"/>.</summary>
public sealed class DefaultsTests
{
    private static readonly string Yaml =
        ClusterRole("system:discovery", "{nonResourceURLs: [/api, /api/*], verbs: [get]}")
        + ClusterRoleBinding("system:discovery", "system:discovery", "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: 'system:authenticated'}")
        + ClusterRole("system:basic-user", "{apiGroups: [authorization.k8s.io], resources: [selfsubjectaccessreviews], verbs: [create]}")
        + ClusterRoleBinding("system:basic-user", "system:basic-user", "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: 'system:authenticated'}")
        + ClusterRole("system:public-info-viewer", "{nonResourceURLs: [/healthz], verbs: [get]}")
        + ClusterRoleBinding("system:public-info-viewer", "system:public-info-viewer", "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: 'system:unauthenticated'}")
        + ClusterRoleBinding("custom", "system:discovery", "{kind: User, apiGroup: rbac.authorization.k8s.io, name: carol}");

    [Fact]
    public void DiscoveryBindingsAreIgnoredByDefault()
    {
        var authorizer = Authorizer(Yaml);
        Assert.Equal(["custom"], authorizer.Model.Bindings.Select(b => b.Name));
        Assert.False(authorizer.Authorize(RequestAttributes.ForNonResource(UserInfo.Impersonate("bob"), "get", "/api")).Allowed);
        Assert.False(authorizer.Can(UserInfo.Impersonate("bob"), "create", "authorization.k8s.io", "selfsubjectaccessreviews"));
        Assert.False(authorizer.Authorize(RequestAttributes.ForNonResource(UserInfo.Impersonate(UserInfo.Anonymous), "get", "/healthz")).Allowed);
        // Another binding to the same role is not a default binding.
        Assert.True(authorizer.Authorize(RequestAttributes.ForNonResource(UserInfo.Impersonate("carol"), "get", "/api/v1")).Allowed);
    }

    [Fact]
    public void DiscoveryBindingsCountWithIncludeDefaults()
    {
        var authorizer = Authorizer(Yaml, new RbacOptions { IncludeDefaults = true });
        Assert.Equal(4, authorizer.Model.Bindings.Count);
        Assert.True(authorizer.Authorize(RequestAttributes.ForNonResource(UserInfo.Impersonate("bob"), "get", "/api")).Allowed);
        Assert.True(authorizer.Can(UserInfo.Impersonate("bob"), "create", "authorization.k8s.io", "selfsubjectaccessreviews"));
        Assert.True(authorizer.Authorize(RequestAttributes.ForNonResource(UserInfo.Impersonate(UserInfo.Anonymous), "get", "/healthz")).Allowed);
        Assert.False(authorizer.Authorize(RequestAttributes.ForNonResource(UserInfo.Impersonate("bob"), "get", "/healthz")).Allowed);
    }
}
