using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Rbac.Authorization;
using Verity.Rbac.Model;

namespace Verity.Rbac.Tests.RealWorld;

/// <summary>
/// The API server's own bootstrap policy (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata),
/// loaded from <c>$VERITY_REALWORLD_DIR/k8s-bootstrap-rbac/*.yaml</c>, answers as a real cluster does.
/// </summary>
public sealed class BootstrapRbacTests
{
    private const string Extra = """
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: viewers, namespace: team}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{kind: User, name: viewer}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: editors, namespace: team}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
        subjects: [{kind: User, name: editor}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: admins, namespace: team}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
        subjects: [{kind: User, name: admin}]
        """;

    private static Authorizer Load(RbacOptions? options = null)
    {
        var dir = Environment.GetEnvironmentVariable("VERITY_REALWORLD_DIR");
        Skip.If(string.IsNullOrEmpty(dir), "VERITY_REALWORLD_DIR is not set");
        var folder = Path.Combine(dir!, "k8s-bootstrap-rbac");
        Skip.IfNot(Directory.Exists(folder), $"{folder} does not exist");
        var objects = new List<Verity.Core.Model.KubeObject>();
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var loaded = ManifestParser.Parse(File.ReadAllText(file), file);
            Assert.Empty(loaded.Diagnostics);
            objects.AddRange(loaded.Objects);
        }
        objects.AddRange(ManifestParser.Parse(Extra, "extra.yaml").Objects);
        var model = RbacModel.FromSnapshot(SnapshotBuilder.Build(objects), options);
        Assert.Empty(model.Diagnostics);
        return new Authorizer(model);
    }

    private static bool Can(Authorizer a, string user, string verb, string typeAndName, string? ns = "team", string? sub = null, params string[] groups) =>
        a.Authorize(RequestAttributes.FromKubectl(UserInfo.Impersonate(user, groups), verb, typeAndName, ns, sub)).Allowed;

    [SkippableFact]
    public void ClusterAdminIsBoundToSystemMasters()
    {
        var a = Load();
        var who = a.WhoCan("escalate", "rbac.authorization.k8s.io", "clusterroles");
        var masters = Assert.Single(who, e => e.Subject == Subject.Group("system:masters"));
        Assert.Equal("ClusterRoleBinding/cluster-admin", masters.Grant.Binding.ToString());
        Assert.Equal("ClusterRole/cluster-admin", masters.Grant.Role.ToString());
        Assert.True(Can(a, "root", "delete", "nodes/n1", groups: "system:masters"));
        Assert.True(Can(a, "root", "impersonate", "users", groups: "system:masters"));
    }

    [SkippableFact]
    public void AggregatedRolesGetTheirRulesFromTheAggregateToRoles()
    {
        var a = Load();
        var view = a.Model.Roles.Single(r => r.IsClusterRole && r.Name == "view");
        Assert.True(view.IsAggregated);
        Assert.NotEmpty(view.Rules);
        Assert.All(view.Rules, r => Assert.Equal("system:aggregate-to-view", r.Origin.RoleName));
        Assert.Contains(a.Model.Roles.Single(r => r.Name == "edit").Rules, r => r.Origin.RoleName == "system:aggregate-to-edit");
        Assert.Contains(a.Model.Roles.Single(r => r.Name == "admin").Rules, r => r.Origin.RoleName == "system:aggregate-to-admin");

        Assert.True(Can(a, "viewer", "get", "pods/p"));
        Assert.True(Can(a, "viewer", "list", "deployments.apps"));
        Assert.False(Can(a, "viewer", "get", "secrets/s"));
        Assert.False(Can(a, "viewer", "create", "pods"));
        Assert.False(Can(a, "viewer", "get", "pods/p", ns: "other"));

        Assert.True(Can(a, "editor", "create", "deployments.apps"));
        Assert.True(Can(a, "editor", "get", "secrets/s"));
        Assert.True(Can(a, "editor", "create", "pods/p", sub: "exec"));
        Assert.False(Can(a, "editor", "create", "roles.rbac.authorization.k8s.io"));
        Assert.False(Can(a, "editor", "list", "pods", ns: ""));

        Assert.True(Can(a, "admin", "create", "roles.rbac.authorization.k8s.io"));
        Assert.True(Can(a, "admin", "create", "rolebindings.rbac.authorization.k8s.io"));
        Assert.False(Can(a, "admin", "create", "clusterroles.rbac.authorization.k8s.io"));
        // admin may read its own namespace object through the RoleBinding (namespace attribute convention).
        Assert.True(Can(a, "admin", "get", "namespaces/team"));
        Assert.False(Can(a, "admin", "get", "namespaces/other"));
    }

    [SkippableFact]
    public void SchedulerCanBindPods()
    {
        var a = Load();
        var decision = a.Authorize(RequestAttributes.FromKubectl(UserInfo.Impersonate("system:kube-scheduler"), "create", "bindings", "default"));
        Assert.True(decision.Allowed);
        Assert.Equal("ClusterRole/system:kube-scheduler", decision.Grant!.Role.ToString());
        Assert.True(Can(a, "system:kube-scheduler", "create", "pods/p", ns: "default", sub: "binding"));
        Assert.False(Can(a, "system:kube-scheduler", "delete", "nodes/n1"));
    }

    [SkippableFact]
    public void ControllerServiceAccountsAreBoundInKubeSystem()
    {
        var a = Load();
        var sa = UserInfo.ServiceAccount("kube-system", "deployment-controller");
        Assert.True(a.Authorize(RequestAttributes.FromKubectl(sa, "create", "replicasets.apps", "any")).Allowed);
        Assert.False(a.Authorize(RequestAttributes.FromKubectl(sa, "get", "secrets/x", "any")).Allowed);
    }

    [SkippableFact]
    public void DiscoveryBindingsOnlyWithDefaults()
    {
        var request = RequestAttributes.ForNonResource(UserInfo.Impersonate("anyone"), "get", "/apis");
        Assert.False(Load().Authorize(request).Allowed);
        Assert.True(Load(new RbacOptions { IncludeDefaults = true }).Authorize(request).Allowed);
        var anonymous = RequestAttributes.ForNonResource(UserInfo.Impersonate(UserInfo.Anonymous), "get", "/healthz");
        Assert.True(Load(new RbacOptions { IncludeDefaults = true }).Authorize(anonymous).Allowed);
    }
}
