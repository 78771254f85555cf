using Verity.Rbac.Authorization;
using static Verity.Rbac.Tests.TestRbac;

namespace Verity.Rbac.Tests.Authorization;

/// <summary>
/// One rule, bound cluster-wide to alice, against one request: RuleAllows and the helpers of
/// pkg/apis/rbac/v1/evaluation_helpers.go, including their traps.
/// </summary>
public sealed class RuleMatchingTests
{
    private static bool Allows(string rule, string verb, string group, string resource, string subresource = "", string? name = null, string? ns = "default")
    {
        var authorizer = Authorizer(ClusterRole("r", rule) + ClusterRoleBinding("b", "r", Alice));
        return authorizer.Can(User("alice"), verb, group, resource, subresource, name, ns);
    }

    [Theory]
    // verbs
    [InlineData("{apiGroups: [''], resources: [pods], verbs: [get]}", "get", true)]
    [InlineData("{apiGroups: [''], resources: [pods], verbs: [get]}", "list", false)]
    [InlineData("{apiGroups: [''], resources: [pods], verbs: ['*']}", "escalate", true)]
    [InlineData("{apiGroups: [''], resources: [pods], verbs: ['*']}", "bind", true)]
    [InlineData("{apiGroups: [''], resources: [pods], verbs: ['*']}", "impersonate", true)]
    [InlineData("{apiGroups: [''], resources: [pods], verbs: ['*']}", "my-custom-verb", true)]
    [InlineData("{apiGroups: [''], resources: [pods], verbs: [GET]}", "get", false)]
    public void Verbs(string rule, string verb, bool expected) => Assert.Equal(expected, Allows(rule, verb, "", "pods"));

    [Theory]
    [InlineData("{apiGroups: [''], resources: [deployments], verbs: [get]}", "apps", false)]
    [InlineData("{apiGroups: [apps], resources: [deployments], verbs: [get]}", "apps", true)]
    [InlineData("{apiGroups: ['*'], resources: [deployments], verbs: [get]}", "apps", true)]
    [InlineData("{apiGroups: [apps], resources: [deployments], verbs: [get]}", "", false)]
    public void ApiGroups(string rule, string group, bool expected) => Assert.Equal(expected, Allows(rule, "get", group, "deployments"));

    [Theory]
    [InlineData("pods", "pods", "", true)]
    [InlineData("pods", "pods", "exec", false)] // pods does not cover pods/exec
    [InlineData("pods/exec", "pods", "exec", true)]
    [InlineData("pods/exec", "pods", "", false)]
    [InlineData("'*'", "pods", "exec", true)] // * covers every subresource
    [InlineData("'*'", "secrets", "", true)]
    [InlineData("'*/scale'", "deployments", "scale", true)] // the subresource wildcard form
    [InlineData("'*/scale'", "statefulsets", "scale", true)]
    [InlineData("'*/scale'", "deployments", "", false)]
    [InlineData("'*/scale'", "deployments", "status", false)]
    [InlineData("'*/scale'", "deployments", "xscale", false)]
    [InlineData("pods/*", "pods", "exec", false)] // literal text only
    [InlineData("pods/*", "pods", "", false)]
    [InlineData("pods/*", "pods", "*", true)] // ... which matches only the subresource literally named *
    [InlineData("'*/*'", "pods", "exec", false)]
    [InlineData("Pods", "pods", "", false)]
    public void Resources(string resource, string requested, string subresource, bool expected) =>
        Assert.Equal(expected, Allows($"{{apiGroups: ['*'], resources: [{resource}], verbs: [get]}}", "get", "", requested, subresource));

    [Theory]
    [InlineData("get", "web", true)]
    [InlineData("get", "db", false)]
    [InlineData("get", null, false)]
    [InlineData("list", null, false)] // list without a name never matches resourceNames
    [InlineData("watch", null, false)]
    [InlineData("create", null, false)]
    [InlineData("deletecollection", null, false)]
    [InlineData("list", "web", true)] // list with fieldSelector metadata.name=web carries the name
    public void ResourceNames(string verb, string? name, bool expected) =>
        Assert.Equal(expected, Allows("{apiGroups: [''], resources: [configmaps], resourceNames: [web], verbs: ['*']}", verb, "", "configmaps", name: name));

    [Theory]
    [InlineData("/healthz", "/healthz", true)]
    [InlineData("/healthz", "/healthz/ready", false)]
    [InlineData("/healthz/*", "/healthz/ready", true)]
    [InlineData("/healthz/*", "/healthz/", true)]
    [InlineData("/healthz/*", "/healthz", false)]
    [InlineData("/healthz*", "/healthzfoo", true)]
    [InlineData("/api**", "/apis/apps", true)] // strings.TrimRight removes every trailing *
    [InlineData("'*'", "/metrics", true)]
    [InlineData("/metrics", "/Metrics", false)]
    public void NonResourceUrls(string url, string path, bool expected)
    {
        var authorizer = Authorizer(ClusterRole("r", $"{{nonResourceURLs: ['{url.Trim('\'')}'], verbs: [get]}}") + ClusterRoleBinding("b", "r", Alice));
        Assert.Equal(expected, authorizer.Authorize(RequestAttributes.ForNonResource(User("alice"), "get", path)).Allowed);
    }

    [Fact]
    public void NonResourceRulesDoNotGrantResourcesNorTheReverse()
    {
        var authorizer = Authorizer(ClusterRole("r", "{nonResourceURLs: ['*'], verbs: [get]}", "{apiGroups: ['*'], resources: ['*'], verbs: [list]}")
            + ClusterRoleBinding("b", "r", Alice));
        Assert.False(authorizer.Can(User("alice"), "get", "", "pods", name: "p", ns: "default"));
        Assert.False(authorizer.Authorize(RequestAttributes.ForNonResource(User("alice"), "list", "/api")).Allowed);
        Assert.True(authorizer.Authorize(RequestAttributes.ForNonResource(User("alice"), "get", "/api")).Allowed);
    }
}
