using Verity.Rbac.Authorization;
using Verity.Rbac.Model;

namespace Verity.Rbac.Tests.Authorization;

/// <summary>Identities as the impersonation filter (k8s.io/apiserver/pkg/endpoints/filters/impersonation.go) builds them.</summary>
public sealed class UserInfoTests
{
    [Fact]
    public void ServiceAccountUserGetsItsGroupsAndAuthenticated()
    {
        var user = UserInfo.Impersonate("system:serviceaccount:ci:builder");
        Assert.Equal("system:serviceaccount:ci:builder", user.Name);
        Assert.Equal(["system:serviceaccounts", "system:serviceaccounts:ci", "system:authenticated"], user.Groups);
        Assert.Equal(user.Groups, UserInfo.ServiceAccount("ci", "builder").Groups);
    }

    [Fact]
    public void ServiceAccountWithExplicitGroupsGetsOnlyThoseAndAuthenticated()
    {
        var user = UserInfo.Impersonate("system:serviceaccount:ci:builder", ["extra"]);
        Assert.Equal(["extra", "system:authenticated"], user.Groups);
    }

    [Theory]
    [InlineData("alice", new string[0], new[] { "system:authenticated" })]
    [InlineData("alice", new[] { "devs" }, new[] { "devs", "system:authenticated" })]
    [InlineData("alice", new[] { "system:authenticated" }, new[] { "system:authenticated" })]
    [InlineData("alice", new[] { "system:unauthenticated" }, new[] { "system:unauthenticated" })]
    [InlineData("system:anonymous", new string[0], new[] { "system:unauthenticated" })]
    [InlineData("system:serviceaccount:a", new string[0], new[] { "system:authenticated" })] // not a valid SA user name
    [InlineData("system:serviceaccount:a:b:c", new string[0], new[] { "system:authenticated" })]
    public void Groups(string name, string[] groups, string[] expected) => Assert.Equal(expected, UserInfo.Impersonate(name, groups).Groups);

    [Fact]
    public void SystemMastersMembership()
    {
        Assert.True(UserInfo.Impersonate("root", ["system:masters"]).IsSystemMaster);
        Assert.False(UserInfo.Impersonate("system:masters").IsSystemMaster);
    }

    [Fact]
    public void SubjectIdentities()
    {
        Assert.Equal(new UserInfo("", ["devs"]).Groups, UserInfo.For(Subject.Group("devs")).Groups);
        Assert.Equal("", UserInfo.For(Subject.Group("devs")).Name);
        Assert.Equal(["system:authenticated"], UserInfo.For(Subject.User("alice")).Groups);
        Assert.Equal("system:serviceaccount:ns:sa", UserInfo.For(Subject.ServiceAccount("ns", "sa")).Name);
        Assert.Equal(3, UserInfo.For(Subject.ServiceAccount("ns", "sa")).Groups.Count);
    }
}
