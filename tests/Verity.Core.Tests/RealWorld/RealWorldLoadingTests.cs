using Verity.Core.Loading;
using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Core.Tests.RealWorld;

/// <summary>
/// Loads real manifests from public projects as a user would (<c>-f DIR</c>) and asserts the object
/// counts per kind, and that no diagnostic is Verity's fault: the only ones expected are the
/// kustomization.yaml files (not Kubernetes objects) and Online Boutique's Istio config, which the
/// project ships twice (istio-manifests/ and service-mesh-istio/) and so is a true duplicate.
/// </summary>
public sealed class RealWorldLoadingTests
{
    public static TheoryData<string, int, int> Folders() => new()
    {
        { "online-boutique", 55, 12 },
        { "kube-prometheus", 131, 6 },
        { "k8s-bootstrap-rbac", 131, 0 },
        { "helm-rendered/ingress-nginx/cloud", 19, 3 },
        { "helm-rendered/ingress-nginx/baremetal", 19, 3 },
        { "helm-rendered/longhorn", 51, 3 },
    };

    private static readonly Dictionary<string, Dictionary<string, int>> KindCounts = new()
    {
        ["online-boutique"] = new() { ["Deployment"] = 12, ["Gateway"] = 2, ["HTTPRoute"] = 1, ["NetworkPolicy"] = 13, ["Service"] = 12, ["ServiceAccount"] = 11, ["ServiceEntry"] = 2, ["VirtualService"] = 2 },
        ["kube-prometheus"] = new()
        {
            ["APIService"] = 1, ["Alertmanager"] = 1, ["ClusterRole"] = 8, ["ClusterRoleBinding"] = 7, ["ConfigMap"] = 36, ["CustomResourceDefinition"] = 10,
            ["DaemonSet"] = 1, ["Deployment"] = 5, ["Namespace"] = 1, ["NetworkPolicy"] = 8, ["PodDisruptionBudget"] = 3, ["Prometheus"] = 1,
            ["PrometheusRule"] = 8, ["Role"] = 4, ["RoleBinding"] = 5, ["Secret"] = 3, ["Service"] = 8, ["ServiceAccount"] = 8, ["ServiceMonitor"] = 13,
        },
        ["k8s-bootstrap-rbac"] = new() { ["ClusterRole"] = 69, ["ClusterRoleBinding"] = 48, ["Role"] = 7, ["RoleBinding"] = 7 },
        ["helm-rendered/ingress-nginx/cloud"] = IngressNginx(),
        ["helm-rendered/ingress-nginx/baremetal"] = IngressNginx(),
        ["helm-rendered/longhorn"] = new()
        {
            ["ClusterRole"] = 1, ["ClusterRoleBinding"] = 2, ["ConfigMap"] = 3, ["CustomResourceDefinition"] = 25, ["DaemonSet"] = 1, ["Deployment"] = 2,
            ["Namespace"] = 1, ["NetworkPolicy"] = 6, ["PriorityClass"] = 1, ["Role"] = 1, ["RoleBinding"] = 1, ["Service"] = 4, ["ServiceAccount"] = 3,
        },
    };

    private static Dictionary<string, int> IngressNginx() => new()
    {
        ["ClusterRole"] = 2, ["ClusterRoleBinding"] = 2, ["ConfigMap"] = 1, ["Deployment"] = 1, ["IngressClass"] = 1, ["Job"] = 2,
        ["Namespace"] = 1, ["Role"] = 2, ["RoleBinding"] = 2, ["Service"] = 2, ["ServiceAccount"] = 2, ["ValidatingWebhookConfiguration"] = 1,
    };

    [SkippableTheory]
    [MemberData(nameof(Folders))]
    public void LoadsEveryObjectWithoutAnErrorOfVerity(string folder, int objects, int workloads)
    {
        Skip.If(RealWorldData.Root is null, RealWorldData.SkipReason);
        var loaded = ManifestReader.Read([Path.Combine(RealWorldData.Root!, folder)]);
        var snapshot = SnapshotBuilder.Build(loaded.Objects);

        var diagnostics = loaded.Diagnostics.Concat(snapshot.Diagnostics).ToList();
        Assert.DoesNotContain(diagnostics, d => d.Level == DiagnosticLevel.Error);
        Assert.All(diagnostics, d => Assert.True(
            d.Code == DiagnosticCodes.NotKubernetes && d.Location!.File.EndsWith("kustomization.yaml", StringComparison.Ordinal)
            || d.Code == DiagnosticCodes.Duplicate && d.Location!.File.Contains("service-mesh-istio", StringComparison.Ordinal),
            d.ToString()));
        Assert.Equal(objects, snapshot.Objects.Count);
        Assert.Equal(workloads, snapshot.Workloads.Count);
        Assert.Equal(KindCounts[folder], snapshot.Objects.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count()));
    }

    [SkippableFact]
    public void OnlineBoutiqueWorkloadsKnowTheirServiceAccounts()
    {
        Skip.If(RealWorldData.Root is null, RealWorldData.SkipReason);
        var loaded = ManifestReader.Read([Path.Combine(RealWorldData.Root!, "online-boutique", "kubernetes-manifests")]);
        var snapshot = SnapshotBuilder.Build(loaded.Objects);
        var frontend = Assert.Single(snapshot.Workloads, w => w.Name == "frontend");
        Assert.Equal("frontend", frontend.ServiceAccountName);
        Assert.Equal("default", frontend.Namespace);
        Assert.Equal(["default"], snapshot.Namespaces.Select(n => n.Name));
        Assert.Equal("default", snapshot.Namespaces[0].Labels["kubernetes.io/metadata.name"]);
    }

    [SkippableFact]
    public void KubePrometheusCrdsOfMoreThanHalfAMegabyteLoad()
    {
        Skip.If(RealWorldData.Root is null, RealWorldData.SkipReason);
        var setup = Path.Combine(RealWorldData.Root!, "kube-prometheus", "manifests", "setup");
        var loaded = ManifestReader.Read([setup]);
        Assert.Empty(loaded.Diagnostics);
        Assert.Equal(11, loaded.Objects.Count);
        // Enum values written as plain `=` and `=~` must stay strings (YAML 1.1 loaders such as PyYAML fail here).
        var config = loaded.Objects.Single(o => o.Name == "alertmanagerconfigs.monitoring.coreos.com");
        Assert.Contains("\"=~\"", config.Raw.GetRawText(), StringComparison.Ordinal);
    }
}
