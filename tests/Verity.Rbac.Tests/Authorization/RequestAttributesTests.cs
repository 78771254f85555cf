using Verity.Rbac.Authorization;

namespace Verity.Rbac.Tests.Authorization;

/// <summary>Request attributes as RequestInfoFactory (k8s.io/apiserver/pkg/endpoints/request/requestinfo.go) sets them.</summary>
public sealed class RequestAttributesTests
{
    private static readonly UserInfo Bob = UserInfo.Impersonate("bob");

    [Theory]
    [InlineData("deployments.apps/web", "apps", "deployments", "web")]
    [InlineData("pods", "", "pods", "")]
    [InlineData("pods/p1", "", "pods", "p1")]
    [InlineData("*", "", "*", "")]
    [InlineData("ingresses.networking.k8s.io", "networking.k8s.io", "ingresses", "")]
    public void KubectlTypeAndName(string text, string group, string resource, string name)
    {
        var r = RequestAttributes.FromKubectl(Bob, "get", text, "team");
        Assert.Equal((true, group, resource, name, "team"), (r.IsResourceRequest, r.ApiGroup, r.Resource, r.Name, r.Namespace));
    }

    [Fact]
    public void NamespaceObjectCarriesItsOwnNameAsNamespace()
    {
        Assert.Equal("team", RequestAttributes.FromKubectl(Bob, "get", "namespaces/team").Namespace);
        Assert.Equal("team", RequestAttributes.FromKubectl(Bob, "update", "namespaces/team", "elsewhere", "finalize").Namespace);
        Assert.Equal("", RequestAttributes.FromKubectl(Bob, "list", "namespaces", "team").Namespace);
        Assert.Equal("", RequestAttributes.FromKubectl(Bob, "create", "namespaces", "team").Namespace);
    }

    [Fact]
    public void ClusterScopedResourcesHaveNoNamespace()
    {
        Assert.Equal("", RequestAttributes.FromKubectl(Bob, "get", "nodes/n1", "team").Namespace);
        Assert.Equal("", RequestAttributes.FromKubectl(Bob, "get", "clusterroles.rbac.authorization.k8s.io", "team").Namespace);
        Assert.Equal("team", RequestAttributes.FromKubectl(Bob, "get", "roles.rbac.authorization.k8s.io", "team").Namespace);
    }

    [Fact]
    public void SubresourceAndNonResource()
    {
        var exec = RequestAttributes.FromKubectl(Bob, "create", "pods/p", "team", "exec");
        Assert.Equal(("pods", "exec", "p"), (exec.Resource, exec.Subresource, exec.Name));
        var health = RequestAttributes.ForNonResource(Bob, "get", "/healthz");
        Assert.Equal((false, "/healthz", ""), (health.IsResourceRequest, health.Path, health.Namespace));
    }
}
