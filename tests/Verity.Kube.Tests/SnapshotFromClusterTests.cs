using Verity.Core.Snapshots;
using Verity.Kube.Tests.Support;

namespace Verity.Kube.Tests;

/// <summary>
/// A live read becomes the same Snapshot a dump would: namespaces, and owner chains (Deployment → ReplicaSet →
/// Pod, DaemonSet → Pod, matched by uid) folded into workloads. The cluster is a local server replaying recorded
/// API responses, because no Kubernetes API server can be installed on these machines.
/// </summary>
public sealed class SnapshotFromClusterTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly RecordedApiServer _server = RecordedApiServer.Start();

    public void Dispose()
    {
        _server.Dispose();
        _dir.Dispose();
    }

    private async Task<Snapshot> Snapshot()
    {
        var result = await LiveClusterReader.ReadAsync(
            new LiveClusterOptions { Kubeconfig = Kubeconfig.For(_dir, _server.Url), PageSize = 2 }, CancellationToken.None);
        Assert.Empty(result.Diagnostics);
        return SnapshotBuilder.Build(result.Objects);
    }

    [Fact]
    public async Task Has_the_clusters_namespaces_with_their_labels()
    {
        var snapshot = await Snapshot();

        Assert.Empty(snapshot.Diagnostics);
        Assert.Equal(["default", "demo", "kube-system"], snapshot.Namespaces.Select(n => n.Name));
        Assert.All(snapshot.Namespaces, n => Assert.False(n.IsImplied));
        Assert.Equal("baseline", snapshot.Namespace("demo")!.Labels["pod-security.kubernetes.io/enforce"]);
    }

    [Fact]
    public async Task Folds_owner_chains_into_workloads()
    {
        var snapshot = await Snapshot();

        var workloads = snapshot.Workloads
            .Select(w => $"{w.Ref.Display} [{string.Join(", ", w.Controlled.Select(c => c.Ref.Display))}] " +
                         $"pods: {string.Join(", ", w.Pods.Select(p => p.Object.Name))} sa: {w.ServiceAccountName}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(
        [
            "demo/Deployment/web [demo/ReplicaSet/web-7d4b9c6f8d] pods: web-7d4b9c6f8d-abcde, web-7d4b9c6f8d-fghij sa: web",
            "demo/Pod/debug [] pods: debug sa: default",
            "kube-system/DaemonSet/kube-proxy [] pods: kube-proxy-q8w4n sa: kube-proxy",
            "kube-system/Deployment/coredns [kube-system/ReplicaSet/coredns-5d78c9869d] pods: coredns-5d78c9869d-x2x7p sa: coredns",
        ], workloads);
    }

    [Fact]
    public async Task A_pod_is_found_in_its_workload_by_owner_uid()
    {
        var snapshot = await Snapshot();

        var pod = snapshot.Pods.Single(p => p.Object.Name == "web-7d4b9c6f8d-fghij").Object;
        var workload = snapshot.WorkloadOf(pod)!;
        Assert.Equal(("Deployment", "web"), (workload.Kind, workload.Name));
        Assert.Equal("9c8f6e2a-1d3b-4c5e-8f7a-2b1c0d9e8f11", workload.Object.Uid);
        Assert.Equal(["web"], snapshot.Services.Where(s => s.Object.Namespace == "demo").Select(s => s.Object.Name));
    }
}
