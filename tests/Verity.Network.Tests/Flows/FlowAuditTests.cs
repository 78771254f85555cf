using System.Text;
using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Network.Evaluation;
using Verity.Network.Flows;

namespace Verity.Network.Tests.Flows;

/// <summary>The sample capture of examples/shop audited against its policies, and the simulated default-deny.</summary>
public sealed class FlowAuditTests
{
    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));

    private static (Snapshot, NetworkModel) Shop()
    {
        var shop = Path.Combine(Repo(), "examples", "shop");
        var loaded = ManifestReader.Read(new[] { "namespaces.yaml", "api", "payments", "storefront" }.Select(p => Path.Combine(shop, p)).ToList());
        Assert.Empty(loaded.Diagnostics);
        var snapshot = SnapshotBuilder.Build(loaded.Objects);
        return (snapshot, NetworkModel.FromSnapshot(snapshot));
    }

    private static FlowAuditReport Audit(Stream flows)
    {
        var (snapshot, model) = Shop();
        var read = FlowReader.ReadAll(flows, "flows");
        Assert.Empty(read.Diagnostics);
        return FlowAudit.Audit(snapshot, model, new FlowMapper(model).Aggregate(read.Flows));
    }

    private static string Line(AuditedConnection c) =>
        $"{c.Observed.From.Id} -> {c.Observed.To.Id} {c.Observed.Port}/{c.Observed.Protocol}: {(c.Allowed ? "allowed" : "denied")} "
        + $"{c.Direction}/{c.DecidedBy} {c.Policy ?? "-"} broken-in [{string.Join(",", c.BrokenByDefaultDeny)}]";

    [Fact]
    public void ShopCaptureIsAuditedConnectionByConnection()
    {
        using var stream = File.OpenRead(Path.Combine(Repo(), "examples", "shop", "flows", "hubble.jsonl"));
        var report = Audit(stream);

        Assert.Equal(
        [
            "203.0.113.7 -> storefront/deployment/gateway 8443/TCP: allowed Ingress/Default - broken-in [storefront]",
            "storefront/deployment/gateway -> storefront/deployment/web 3000/TCP: allowed Ingress/Default - broken-in [storefront]",
            "storefront/deployment/web -> api/deployment/cart 8080/TCP: allowed Ingress/NetworkPolicy NetworkPolicy api/allow-from-storefront broken-in [storefront]",
            "storefront/deployment/web -> api/deployment/catalog 8080/TCP: allowed Ingress/NetworkPolicy NetworkPolicy api/allow-from-storefront broken-in [storefront]",
            "storefront/deployment/web -> api/deployment/orders 8080/TCP: allowed Ingress/NetworkPolicy NetworkPolicy api/allow-from-storefront broken-in [storefront]",
            "api/deployment/orders -> payments/deployment/payments-api 8443/TCP: allowed Ingress/NetworkPolicy NetworkPolicy payments/payments-api-from-orders broken-in [api]",
            "payments/deployment/payments-api -> payments/statefulset/ledger-db 5432/TCP: allowed Ingress/NetworkPolicy NetworkPolicy payments/ledger-db-clients broken-in []",
            "payments/cronjob/settlement -> payments/statefulset/ledger-db 5432/TCP: allowed Ingress/NetworkPolicy NetworkPolicy payments/ledger-db-clients broken-in []",
            "payments/deployment/payments-api -> 93.184.216.34 443/TCP: allowed Egress/NetworkPolicy NetworkPolicy payments/payments-api-to-processor broken-in []",
            // DNS to kube-dns, which the manifests lack: evaluated against the assumed kube-dns endpoint (ClusterDns)
            "storefront/deployment/gateway -> kube-system/coredns-76f75df574-l4k5j 53/UDP: allowed Ingress/Default - broken-in [storefront]",
            "storefront/deployment/web -> kube-system/coredns-76f75df574-l4k5j 53/UDP: allowed Ingress/Default - broken-in [storefront]",
            "api/deployment/cart -> kube-system/coredns-76f75df574-l4k5j 53/UDP: allowed Ingress/Default - broken-in [api]",
            "api/deployment/catalog -> kube-system/coredns-76f75df574-l4k5j 53/UDP: allowed Ingress/Default - broken-in [api]",
            "api/deployment/orders -> kube-system/coredns-76f75df574-l4k5j 53/UDP: allowed Ingress/Default - broken-in [api]",
            "payments/deployment/payments-api -> kube-system/coredns-76f75df574-l4k5j 53/UDP: allowed Egress/NetworkPolicy NetworkPolicy payments/allow-dns broken-in []",
            "payments/statefulset/ledger-db -> kube-system/coredns-76f75df574-l4k5j 53/UDP: allowed Egress/NetworkPolicy NetworkPolicy payments/allow-dns broken-in []",
            "payments/cronjob/settlement -> kube-system/coredns-76f75df574-l4k5j 53/UDP: allowed Egress/NetworkPolicy NetworkPolicy payments/allow-dns broken-in []",
            "api/deployment/cart -> api/deployment/catalog 8080/TCP: allowed Ingress/NetworkPolicy NetworkPolicy api/allow-load-test broken-in [api]",
        ], report.Connections.Select(Line));
    }

    [Fact]
    public void PerNamespaceSummaryCountsConnectionsThatADefaultDenyWouldBreak()
    {
        using var stream = File.OpenRead(Path.Combine(Repo(), "examples", "shop", "flows", "hubble.jsonl"));
        var report = Audit(stream);

        Assert.Equal(
            [new NamespaceAudit("api", 8, 0, 5), new NamespaceAudit("payments", 7, 0, 0), new NamespaceAudit("storefront", 7, 0, 7)],
            report.Namespaces);
    }

    [Fact]
    public void HostTrafficIsListedNotEvaluatedButDnsToAnAbsentKubeDnsIsEvaluated()
    {
        using var stream = File.OpenRead(Path.Combine(Repo(), "examples", "shop", "flows", "hubble.jsonl"));
        var report = Audit(stream);

        Assert.Equal(8, report.Connections.Count(c => c.Observed.To.Kind == FlowPeerKind.Unmapped && c.Observed.IsDns));
        var host = Assert.Single(report.Unevaluated, u => u.Observed.From.Kind == FlowPeerKind.Host);
        Assert.Equal(("storefront/deployment/web", "host:10.0.0.5 is node/host traffic: NetworkPolicy does not apply to it"), (host.Observed.To.Id, host.Reason));
    }

    [Fact]
    public void ADeniedConnectionNamesTheIsolatingPolicyAndIsNeverCountedAsBroken()
    {
        const string flow = """
            {"flow":{"verdict":"DROPPED","IP":{"source":"10.244.1.11","destination":"10.244.3.31"},"l4":{"TCP":{"destination_port":5432}},"source":{"namespace":"storefront","labels":["k8s:app=web"]},"destination":{"namespace":"payments","labels":["k8s:app=ledger-db"]},"is_reply":false}}
            """;
        var report = Audit(new MemoryStream(Encoding.UTF8.GetBytes(flow)));

        var denied = Assert.Single(report.Connections);
        Assert.Equal("storefront/deployment/web -> payments/statefulset/ledger-db 5432/TCP: denied Ingress/NetworkPolicy NetworkPolicy payments/default-deny, NetworkPolicy payments/ledger-db-clients broken-in []", Line(denied));
        Assert.Equal([new NamespaceAudit("payments", 1, 1, 0), new NamespaceAudit("storefront", 1, 1, 0)], report.Namespaces);
    }
}
