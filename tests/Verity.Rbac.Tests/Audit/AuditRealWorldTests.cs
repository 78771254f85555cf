using Verity.Rbac.Audit;
using Verity.Rbac.Model;

namespace Verity.Rbac.Tests.Audit;

/// <summary>
/// Runs real audit logs from $VERITY_REALWORLD_DIR/audit-logs: the audit2rbac demo log (Jordan Liggitt, Apache-2.0;
/// 37 audit.k8s.io/v1 events, system:admin impersonating bob, alice and system:serviceaccount:ns1:sa1) and the
/// falco k8s-audit test events (one event per file; one is audit.k8s.io/v1beta1, one is the ResponseStarted event of
/// an exec). The expected facts were read from those files. Skipped when the variable is unset.
/// </summary>
public sealed class AuditRealWorldTests
{
    private static string? Root => Environment.GetEnvironmentVariable("VERITY_REALWORLD_DIR");

    private static AuditRbacResult Run(string? user, params string[] files)
    {
        var streams = files.Select(File.OpenRead).ToList();
        try
        {
            var entries = files.Zip(streams).SelectMany(p => AuditLogReader.Read(p.Second, Path.GetFileName(p.First)));
            return AuditRbacGenerator.Generate(entries, new AuditRbacOptions { User = user });
        }
        finally
        {
            foreach (var stream in streams) stream.Dispose();
        }
    }

    [SkippableFact]
    public void Audit2RbacDemoLog()
    {
        Skip.If(Root is null, "VERITY_REALWORLD_DIR is not set");
        var result = Run(null, Path.Combine(Root!, "audit-logs", "audit2rbac", "demo.log"));
        Assert.Empty(result.Diagnostics);
        // bob: 2 allowed pod lists in default + 23 discovery GETs; sa1: 1 allowed cluster-wide pod list; alice: all denied.
        Assert.Equal(26, result.AuthorizedCount);
        Assert.Equal(
            [(1, "bob"), (2, "bob"), (4, "bob"), (5, "system:serviceaccount:ns1:sa1"), (6, "system:serviceaccount:ns1:sa1"),
             (7, "system:serviceaccount:ns1:sa1"), (8, "system:serviceaccount:ns1:sa1"), (34, "bob"), (35, "alice"), (36, "alice"), (37, "alice")],
            result.Denied.Select(d => (d.Source.Line, d.Username)));
        Assert.Equal("bob list nodes", result.Denied[7].ToString());
        Assert.Equal(
            [("verity:audit:user:bob", null, 23), ("verity:audit:user:bob", "default", 2), ("verity:audit:sa:ns1:sa1", null, 1)],
            result.Roles.Select(r => (r.Name, r.Namespace, r.RequestCount)));

        var discovery = Assert.Single(result.Roles[0].Rules);
        Assert.Equal(["get"], discovery.Verbs);
        Assert.Equal(23, discovery.NonResourceUrls.Count);
        Assert.Equal("/api", discovery.NonResourceUrls[0]);
        Assert.Contains("/apis/rbac.authorization.k8s.io/v1", discovery.NonResourceUrls);
        Assert.Equal(Subject.User("bob"), result.Roles[0].Subject);

        // "?includeUninitialized=true" on the allowed list changes nothing: list only, no get/watch added.
        var bobPods = Assert.Single(result.Roles[1].Rules);
        Assert.Equal([""], bobPods.ApiGroups);
        Assert.Equal(["pods"], bobPods.Resources);
        Assert.Equal(["list"], bobPods.Verbs);
        Assert.Empty(bobPods.ResourceNames);

        // sa1 listed pods in all namespaces (objectRef without namespace), so it needs a ClusterRole.
        var sa = result.Roles[2];
        Assert.Equal((AuditRoleKind.ClusterRole, Subject.ServiceAccount("ns1", "sa1")), (sa.Kind, sa.Subject));
        Assert.Equal(["pods"], Assert.Single(sa.Rules).Resources);
        Assert.Equal(("ClusterRoleBinding", "verity:audit:sa:ns1:sa1"), (result.Bindings[2].Kind, result.Bindings[2].RoleName));
    }

    [SkippableFact]
    public void Audit2RbacDemoLogFilteredToTheServiceAccount()
    {
        Skip.If(Root is null, "VERITY_REALWORLD_DIR is not set");
        var result = Run("system:serviceaccount:ns1:sa1", Path.Combine(Root!, "audit-logs", "audit2rbac", "demo.log"));
        var role = Assert.Single(result.Roles);
        Assert.Equal("verity:audit:sa:ns1:sa1", role.Name);
        Assert.Equal(4, result.Denied.Count);
        Assert.Equal(37 - 5, result.FilteredOutCount);
    }

    [SkippableFact]
    public void FalcoK8sAuditEvents()
    {
        Skip.If(Root is null, "VERITY_REALWORLD_DIR is not set");
        var dir = Path.Combine(Root!, "audit-logs", "falco-k8s-audit");
        var result = Run(null, [.. Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal)]);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Denied);
        Assert.Equal(4, result.AuthorizedCount);
        Assert.Equal(
            [("verity:audit:user:minikube-user", null), ("verity:audit:user:minikube-user", "default"), ("verity:audit:sa:kube-system:replicaset-controller", "default")],
            result.Roles.Select(r => (r.Name, r.Namespace)));

        // Both creates name their object only in the body (objectRef.name filled in after authorization): no resourceNames.
        var rbacCreate = Assert.Single(result.Roles[0].Rules);
        Assert.Equal(["rbac.authorization.k8s.io"], rbacCreate.ApiGroups);
        Assert.Equal(["clusterrolebindings", "clusterroles"], rbacCreate.Resources);
        Assert.Equal(["create"], rbacCreate.Verbs);
        Assert.Empty(rbacCreate.ResourceNames);

        // exec_pod.json has only its ResponseStarted event (code 101): the exec keeps its pod name.
        var exec = Assert.Single(result.Roles[1].Rules);
        Assert.Equal(["pods/exec"], exec.Resources);
        Assert.Equal(["nginx-deployment-7998647bdf-phvq7"], exec.ResourceNames);
        Assert.Equal(["create"], exec.Verbs);

        // create_nginx_pod_privileged.json is audit.k8s.io/v1beta1, from the replicaset controller's service account.
        var controller = result.Roles[2];
        Assert.Equal(Subject.ServiceAccount("kube-system", "replicaset-controller"), controller.Subject);
        var podCreate = Assert.Single(controller.Rules);
        Assert.Equal([""], podCreate.ApiGroups);
        Assert.Equal(["pods"], podCreate.Resources);
        Assert.Equal(["create"], podCreate.Verbs);
        Assert.Empty(podCreate.ResourceNames);
    }
}
