using System.Net;
using Verity.Network.Model;
using static Verity.Network.Tests.TestCluster;

namespace Verity.Network.Tests;

/// <summary>Which endpoints a snapshot yields and how <see cref="Evaluation.NetworkModel.Resolve"/> finds them.</summary>
public sealed class EndpointTests
{
    [Fact]
    public void PodsAreEndpointsNamedNamespaceSlashNameWithTheirIpsLabelsAndPorts()
    {
        var model = Build(
            Namespace("shop", "team: a"),
            Pod("shop/api-1", "10.0.0.1", "app: api", false, "{name: http, containerPort: 8080}", "{containerPort: 53, protocol: UDP}"));
        var pod = Assert.Single(model.Endpoints);
        Assert.Equal(("shop/api-1", EndpointKind.Pod, "shop"), (pod.Id, pod.Kind, pod.Namespace));
        Assert.Equal([IPAddress.Parse("10.0.0.1")], pod.Addresses);
        Assert.Equal([new ContainerPortInfo("http", 8080, Protocol.TCP), new ContainerPortInfo(null, 53, Protocol.UDP)], pod.Ports);
        Assert.Equal("api", pod.Labels["app"]);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "a", ["kubernetes.io/metadata.name"] = "shop" }, pod.NamespaceLabels);
        Assert.True(pod.IsPolicyTarget);
    }

    [Fact]
    public void AWorkloadWithoutPodsIsOneEndpointNamedAfterItsKindInLowerCase()
    {
        var model = Build(Deployment("shop/api", "app: api", "{name: http, containerPort: 8080}"));
        var workload = Assert.Single(model.Endpoints);
        Assert.Equal(("shop/deployment/api", EndpointKind.Workload), (workload.Id, workload.Kind));
        Assert.Empty(workload.Addresses);
        Assert.Equal([new ContainerPortInfo("http", 8080, Protocol.TCP)], workload.Ports);
        Assert.Same(workload, model.Resolve("shop/api"));
        Assert.Same(workload, model.Resolve("shop/deployment/api"));
    }

    [Fact]
    public void AWorkloadWhosePodsAreInTheSnapshotIsRepresentedByItsPodsOnly()
    {
        var model = Build(
            Deployment("shop/api", "app: api"),
            """
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: api-5d9c
              namespace: shop
              ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: api, controller: true}]
            spec:
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec: {containers: [{name: main, image: app:1}]}
            """,
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api-5d9c-x1
              namespace: shop
              labels: {app: api}
              ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api-5d9c, controller: true}]
            spec: {containers: [{name: main, image: app:1}]}
            status: {podIP: 10.0.0.3}
            """,
            Deployment("shop/worker", "app: worker"));
        Assert.Equal(["shop/api-5d9c-x1", "shop/deployment/worker"], model.Endpoints.Select(e => e.Id));
    }

    [Fact]
    public void ResolveFindsPodsByIdAndByIpAndMakesOtherIpsExternal()
    {
        var model = Build(Pod("shop/api-1", "10.0.0.1", "app: api"));
        Assert.Equal("shop/api-1", model.Resolve("10.0.0.1")?.Id);
        var external = model.Resolve("8.8.8.8");
        Assert.NotNull(external);
        Assert.Equal(("8.8.8.8", EndpointKind.External, "", false), (external.Id, external.Kind, external.Namespace, external.IsPolicyTarget));
        Assert.Null(model.Resolve("shop/nothing"));
    }

    [Fact]
    public void AHostNetworkPodIsNotAPolicyTarget()
    {
        var model = Build(Pod("kube-system/proxy", "192.168.0.2", "k8s-app: proxy", hostNetwork: true));
        var pod = Assert.Single(model.Endpoints);
        Assert.Equal((true, false), (pod.HostNetwork, pod.IsPolicyTarget));
    }
}
