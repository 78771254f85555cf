using Verity.Core.Loading;
using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Core.Tests.Snapshots;

public sealed class SnapshotBuilderTests
{
    private static Snapshot Build(string yaml, string defaultNamespace = "default")
    {
        var loaded = ManifestParser.Parse(yaml, "s.yaml");
        Assert.Empty(loaded.Diagnostics);
        return SnapshotBuilder.Build(loaded.Objects, new SnapshotOptions { DefaultNamespace = defaultNamespace });
    }

    [Fact]
    public void TheNamespaceNameLabelIsAlwaysTheNamespacesName()
    {
        var snapshot = Build("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels:
                kubernetes.io/metadata.name: spoofed
                team: a
            """);
        var shop = Assert.Single(snapshot.Namespaces);
        Assert.Equal("shop", shop.Labels[NamespaceInfo.NameLabel]);
        Assert.Equal("a", shop.Labels["team"]);
        Assert.False(shop.IsImplied);
    }

    [Fact]
    public void NamespacedObjectsWithoutANamespaceGoToTheGivenDefault()
    {
        var snapshot = Build("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\n", defaultNamespace: "team-x");
        Assert.Equal("team-x", snapshot.Objects[0].Namespace);
        Assert.Equal(["team-x"], snapshot.Namespaces.Select(n => n.Name));
        Assert.True(snapshot.Namespaces[0].IsImplied);
    }

    [Fact]
    public void TheSameNameInDifferentGroupsIsNotADuplicate()
    {
        var loaded = ManifestParser.Parse("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p, namespace: a}
            ---
            apiVersion: crd.projectcalico.org/v1
            kind: NetworkPolicy
            metadata: {name: p, namespace: a}
            ---
            apiVersion: apps/v1beta2
            kind: Deployment
            metadata: {name: d, namespace: a}
            spec: {template: {spec: {containers: []}}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d, namespace: a}
            spec: {template: {spec: {containers: []}}}
            """, "g.yaml");
        var snapshot = SnapshotBuilder.Build(loaded.Objects);
        var duplicate = Assert.Single(snapshot.Diagnostics);
        Assert.Equal("g.yaml:14:1: warning VT1007: duplicate a/Deployment/d: this definition replaces the one at g.yaml:9:1", duplicate.ToString());
        Assert.Equal(3, snapshot.Objects.Count);
        Assert.Equal("apps/v1", snapshot.Find(new ResourceRef("apps/v1", "Deployment", "a", "d"))!.Ref.ApiVersion);
    }

    [Fact]
    public void AnOwnerWithAnotherUidIsNotTheParent()
    {
        var snapshot = Build("""
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata: {name: rs, namespace: a, uid: "1"}
            spec: {template: {spec: {containers: []}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              namespace: a
              ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: rs, uid: "2", controller: true}]
            spec: {containers: []}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: q
              namespace: a
              ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: rs, uid: "1", controller: false}]
            spec: {containers: []}
            """);
        // p's owner is a different (deleted and recreated) ReplicaSet; q's owner is not its controller.
        Assert.Equal(["a/ReplicaSet/rs", "a/Pod/p", "a/Pod/q"], snapshot.Workloads.Select(w => w.Ref.Display));
        Assert.Empty(snapshot.Workloads[0].Pods);
        Assert.Same(snapshot.Workloads[1], snapshot.WorkloadOf(snapshot.Pods[0].Object));
    }

    [Fact]
    public void ClusterScopedKindsIncludingCrdsDefinedInTheInputHaveNoNamespace()
    {
        var snapshot = Build("""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            spec: {group: example.com, scope: Namespaced, names: {kind: Widget}}
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: b, namespace: ignored}
            ---
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: c}
            """);
        Assert.Equal(["CustomResourceDefinition/widgets.example.com", "default/Widget/w", "ClusterRoleBinding/b", "ClusterNetworkPolicy/c"],
            snapshot.Objects.Select(o => o.Ref.Display));
        Assert.Equal(2, snapshot.OfKind("ClusterRoleBinding").Count + snapshot.OfKind("ClusterNetworkPolicy", "policy.networking.k8s.io").Count);
        Assert.Empty(snapshot.OfKind("ClusterNetworkPolicy", "networking.k8s.io"));
        Assert.Single(snapshot.InNamespace("default"));
    }

    [Fact]
    public void ABarePodIsItsOwnWorkloadWithItsSpecAsTemplate()
    {
        var snapshot = Build("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: a, labels: {app: x}}\nspec: {serviceAccountName: runner, containers: [{name: c, image: i}]}\n");
        var workload = Assert.Single(snapshot.Workloads);
        Assert.Equal("runner", workload.ServiceAccountName);
        Assert.Equal("x", workload.Template.Metadata.Labels["app"]);
        Assert.Single(workload.Pods);
    }
}
