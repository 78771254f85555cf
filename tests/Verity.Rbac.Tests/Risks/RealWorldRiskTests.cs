using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Rbac.Authorization;
using Verity.Rbac.Model;
using Verity.Rbac.Risks;

namespace Verity.Rbac.Tests.Risks;

/// <summary>
/// The API server's bootstrap policy (<c>$VERITY_REALWORLD_DIR/k8s-bootstrap-rbac</c>): the analyzer finds
/// what is known about the built-in identities, each fact checked in the files.
/// </summary>
public sealed class RealWorldRiskTests
{
    private static IReadOnlyList<RiskFinding> Load(RbacOptions? options = null)
    {
        var dir = Environment.GetEnvironmentVariable("VERITY_REALWORLD_DIR");
        Skip.If(string.IsNullOrEmpty(dir), "VERITY_REALWORLD_DIR is not set");
        var folder = Path.Combine(dir!, "k8s-bootstrap-rbac");
        Skip.IfNot(Directory.Exists(folder), $"{folder} does not exist");
        var objects = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(f => ManifestParser.Parse(File.ReadAllText(f), f).Objects).ToList();
        var model = RbacModel.FromSnapshot(SnapshotBuilder.Build(objects), options);
        Assert.Empty(model.Diagnostics);
        return RiskAnalyzer.Analyze(model, new Authorizer(model));
    }

    private static IReadOnlyList<string> Ids(IReadOnlyList<RiskFinding> findings, Subject subject) =>
        findings.Where(f => f.Subject == subject).Select(f => $"{f.Risk}@{f.Scope}").ToList();

    private static Subject Controller(string name) => Subject.ServiceAccount("kube-system", name);

    [SkippableFact]
    public void SystemMastersIsTheOnlyClusterAdmin()
    {
        var admins = Load().Where(f => f.Risk == RiskCatalog.ClusterAdmin).ToList();
        var finding = Assert.Single(admins);
        Assert.Equal(Subject.Group("system:masters"), finding.Subject);
    }

    [SkippableFact]
    public void ClusterRoleAggregationControllerCanEscalate()
    {
        // controller-roles.yaml: escalate, get, list, patch, update, watch on clusterroles.
        Assert.Equal(["escalate-roles@cluster"], Ids(Load(), Controller("clusterrole-aggregation-controller")));
    }

    [SkippableFact]
    public void GarbageCollectorCanTouchEverythingButNotEscalate()
    {
        // delete, get, list, patch, update, watch on */*: every read and write risk, but no create, bind, escalate or impersonate.
        Assert.Equal(
        [
            "nodes-proxy@cluster", "steal-pods@cluster", "modify-rbac@cluster", "control-webhooks@cluster", "modify-namespace@cluster",
            "read-secrets@all-namespaces", "create-workload@all-namespaces", "modify-pods@all-namespaces", "pod-exec-websocket-get@all-namespaces",
            "ephemeral-containers@all-namespaces",
        ], Ids(Load(), Controller("generic-garbage-collector")));
    }

    [SkippableFact]
    public void CertificateControllerApprovesOnlyKubeletClientCertificates()
    {
        var finding = Assert.Single(Load(), f => f.Subject == Controller("certificate-controller"));
        Assert.Equal(("approve-csr", "cluster"), (finding.Risk, finding.Scope));
        Assert.Equal(["kubernetes.io/kube-apiserver-client-kubelet"], finding.Names);
    }

    [SkippableFact]
    public void NamespacedControllersReadSecretsOfKubeSystemOnly()
    {
        var findings = Load();
        Assert.Equal(["read-secrets@namespace:kube-system"], Ids(findings, Controller("token-cleaner")));
        Assert.Equal(["read-secrets@namespace:kube-system"], Ids(findings, Controller("bootstrap-signer")));
        Assert.Equal(["create-pv@cluster", "create-workload@all-namespaces"], Ids(findings, Controller("persistent-volume-binder")));
    }

    [SkippableFact]
    public void NoFindingOnBroadGroupsEvenWithTheDiscoveryBindings()
    {
        // system:discovery, system:basic-user and system:public-info-viewer grant nothing sensitive.
        Assert.DoesNotContain(Load(new RbacOptions { IncludeDefaults = true }), f => f.Subject.Kind == SubjectKind.Group && RiskAnalyzer.IsBroadGroup(f.Subject.Name));
    }
}
