using System.IO.Compression;
using System.Net;
using System.Text;
using Verity.Network.Flows;
using Verity.Network.Model;

namespace Verity.Network.Tests.Flows;

public sealed class FlowReaderTests
{
    private static FlowReadResult Read(string text, bool gzip = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (gzip)
        {
            using var packed = new MemoryStream();
            using (var zip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true)) zip.Write(bytes);
            bytes = packed.ToArray();
        }
        return FlowReader.ReadAll(new MemoryStream(bytes), "flows");
    }

    private const string HubbleFlow = """{"flow":{"time":"2021-11-10T10:40:56.4655977Z","verdict":"DROPPED","IP":{"source":"10.244.0.177","destination":"10.244.0.110"},"l4":{"TCP":{"source_port":35128,"destination_port":9080}},"source":{"identity":3418,"namespace":"shop","labels":["k8s:app=web","k8s:io.kubernetes.pod.namespace=shop"],"pod_name":"web-6b746f74dc-9rcxx"},"destination":{"identity":11615,"namespace":"shop","labels":["k8s:app=api"],"pod_name":"api-7bf8c9648f-r7bs2"},"Type":"L3_L4","traffic_direction":"EGRESS","is_reply":false},"node_name":"n1","time":"2021-11-10T10:40:56.4655977Z"}""";

    [Fact]
    public void AHubbleFlowIsReadWithEndpointsPortVerdictAndDirection()
    {
        var result = Read(HubbleFlow + "\n");
        Assert.Empty(result.Diagnostics);
        var flow = Assert.Single(result.Flows);
        Assert.Equal(("shop", "web-6b746f74dc-9rcxx", IPAddress.Parse("10.244.0.177")), (flow.Source.Namespace, flow.Source.PodName, flow.Source.Address));
        Assert.Equal("web", flow.Source.Labels["app"]);
        Assert.Equal(3418, flow.Source.Identity);
        Assert.Equal(("shop", "api-7bf8c9648f-r7bs2"), (flow.Destination.Namespace, flow.Destination.PodName));
        Assert.Equal((9080, Protocol.TCP), (flow.Port, flow.Protocol));
        Assert.Equal(("DROPPED", false, "EGRESS", 1L, 1), (flow.Verdict, flow.IsReply, flow.TrafficDirection, flow.Count, flow.Line));
        Assert.Equal(new DateTimeOffset(2021, 11, 10, 10, 40, 56, TimeSpan.Zero).AddTicks(4655977), flow.Time);
    }

    [Fact]
    public void BareFlowsOlderReplyFieldsWorldAndUdpAreUnderstood()
    {
        var lines = """
            {"verdict":"FORWARDED","IP":{"source":"10.0.0.5","destination":"8.8.8.8"},"l4":{"UDP":{"source_port":5353,"destination_port":53}},"source":{"namespace":"a","pod_name":"p"},"destination":{"identity":2,"labels":["reserved:world"]},"reply":true}
            {"verdict":"AUDIT","IP":{"source":"10.0.0.1","destination":"10.0.0.5"},"l4":{"ICMPv4":{"type":8}},"source":{"identity":1,"labels":["reserved:host"]},"destination":{"namespace":"a","pod_name":"p"}}
            """;
        var result = Read(lines);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Flows.Count);
        Assert.True(result.Flows[0].IsReply);
        Assert.True(result.Flows[0].Destination.IsWorld);
        Assert.Equal((53, Protocol.UDP), (result.Flows[0].Port, result.Flows[0].Protocol));
        Assert.True(result.Flows[1].Source.IsHost);
        Assert.Null(result.Flows[1].Port);
    }

    [Fact]
    public void BadLinesAreReportedWithTheirNumberAndTheRestIsRead()
    {
        var result = Read(HubbleFlow + "\n{not json\n\n[1,2]\n{\"node_name\":\"n1\"}\n" + HubbleFlow + "\n");
        Assert.Equal(2, result.Flows.Count);
        Assert.Equal([1, 6], result.Flows.Select(f => f.Line));
        Assert.Equal([
            "flows:2:1: error VT2101: line 2 skipped: invalid JSON ('n' is an invalid start of a property name. Expected a '\"')",
            "flows:4:1: error VT2101: line 4 skipped: not a JSON object",
            "flows:5:1: error VT2101: line 5 skipped: not a Hubble flow (no source or IP)",
        ], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void GzipCompressedInputIsRecognisedFromItsFirstBytes()
    {
        var result = Read(HubbleFlow + "\n" + HubbleFlow + "\n", gzip: true);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Flows.Count);
    }

    [Fact]
    public void CsvWithHeaderCountsAndBadLines()
    {
        var csv = """
            time,src_namespace,src_pod,src_ip,dst_namespace,dst_pod,dst_ip,dst_port,protocol,verdict,count
            2026-11-01T10:00:00Z,shop,web-1,10.0.0.2,shop,api-1,10.0.0.3,8080,TCP,FORWARDED,41
            ,shop,web-1,,,,93.184.216.34,443,tcp,dropped,
            2026-11-01T10:00:01Z,shop,web-1,10.0.0.2,shop,api-1,10.0.0.3,http,TCP,FORWARDED,1
            2026-11-01T10:00:01Z,shop,web-1,10.0.0.2,shop,api-1
            2026-11-01T10:00:01Z,shop,web-1,10.0.0.2,shop,api-1,10.0.0.3,53,ICMP,FORWARDED,1
            2026-11-01T10:00:01Z,,,,shop,api-1,10.0.0.3,53,UDP,FORWARDED,0
            """;
        var result = Read(csv);
        Assert.Equal(2, result.Flows.Count);
        Assert.Equal((41L, 8080, Protocol.TCP, "FORWARDED"), (result.Flows[0].Count, result.Flows[0].Port, result.Flows[0].Protocol, result.Flows[0].Verdict));
        Assert.Equal((IPAddress.Parse("93.184.216.34"), "DROPPED", 1L), (result.Flows[1].Destination.Address, result.Flows[1].Verdict, result.Flows[1].Count));
        Assert.Null(result.Flows[1].Time);
        Assert.Equal([
            "flows:4:1: error VT2101: line 4 skipped: dst_port \"http\" is not a port number",
            "flows:5:1: error VT2101: line 5 skipped: expected 11 comma-separated fields (time,src_namespace,src_pod,src_ip,dst_namespace,dst_pod,dst_ip,dst_port,protocol,verdict,count), found 6",
            "flows:6:1: error VT2101: line 6 skipped: protocol \"ICMP\" is not TCP, UDP or SCTP",
            "flows:7:1: error VT2101: line 7 skipped: count \"0\" is not a positive whole number",
        ], result.Diagnostics.Select(d => d.ToString()));
    }

    /// <summary>Real `hubble observe -o json` captures (cilium/hubble-otel testdata) from VERITY_REALWORLD_DIR.</summary>
    [SkippableTheory]
    [InlineData("basic-sample-10-flows.json", 10, 5)]
    [InlineData("basic-sample-330-dns-flows.json", 330, 165)]
    [InlineData("basic-sample-348-http-flows.json", 348, 173)]
    [InlineData("basic-sample-400-l7-redirected-flows.json", 400, 0)]
    [InlineData("basic-sample-400-tcp-flows.json", 400, 132)]
    [InlineData("basic-sample-400-udp-flows.json", 400, -1)]
    public void RealHubbleCapturesLoadWithoutADiagnostic(string file, int flows, int replies)
    {
        var root = Environment.GetEnvironmentVariable("VERITY_REALWORLD_DIR");
        Skip.If(string.IsNullOrEmpty(root) || !Directory.Exists(root), "VERITY_REALWORLD_DIR is not set; real Hubble captures are absent");
        using var stream = File.OpenRead(Path.Combine(root!, "hubble-flows", file));
        var result = FlowReader.ReadAll(stream, file);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(flows, result.Flows.Count);
        if (replies >= 0) Assert.Equal(replies, result.Flows.Count(f => f.IsReply));
        Assert.All(result.Flows, f => Assert.NotNull(f.Source.Address ?? (object?)f.Source.PodName));
    }
}
