using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Network.Evaluation;
using Verity.Network.Flows;

namespace Verity.Network.Tests.Flows;

/// <summary>The sample capture of examples/shop (examples/shop/flows/hubble.jsonl) mapped onto its manifests.</summary>
public sealed class FlowMapperTests
{
    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));

    [Fact]
    public void ShopFlowsMapToWorkloadsExternalPeersAndHostTraffic()
    {
        var root = Repo();
        var snapshot = SnapshotBuilder.Build(ManifestReader.Read([Path.Combine(root, "examples", "shop")]).Objects);
        var mapper = new FlowMapper(NetworkModel.FromSnapshot(snapshot));
        using var stream = File.OpenRead(Path.Combine(root, "examples", "shop", "flows", "hubble.jsonl"));
        var flows = FlowReader.ReadAll(stream, "hubble.jsonl");
        Assert.Empty(flows.Diagnostics);

        var connections = mapper.Aggregate(flows.Flows);
        var lines = connections.Select(c => $"{c.From.Kind}:{c.From.Id} -> {c.To.Kind}:{c.To.Id} {c.Port}/{c.Protocol} x{c.Count}{(c.IsDns ? " dns" : "")}").ToList();
        Assert.Equal(19, lines.Count); // 20 flows, one of them a reply
        Assert.Equal("External:203.0.113.7 -> Workload:storefront/deployment/gateway 8443/TCP x1", lines[0]);
        Assert.Equal("Workload:storefront/deployment/gateway -> Workload:storefront/deployment/web 3000/TCP x1", lines[1]);
        Assert.Contains("Workload:api/deployment/orders -> Workload:payments/deployment/payments-api 8443/TCP x1", lines);
        Assert.Contains("Workload:payments/cronjob/settlement -> Workload:payments/statefulset/ledger-db 5432/TCP x1", lines);
        Assert.Contains("Workload:payments/deployment/payments-api -> External:93.184.216.34 443/TCP x1", lines);
        Assert.Contains("Workload:storefront/deployment/web -> Unmapped:kube-system/coredns-76f75df574-l4k5j 53/UDP x1 dns", lines);
        Assert.Contains("Host:host:10.0.0.5 -> Workload:storefront/deployment/web 3000/TCP x1", lines);
    }
}
