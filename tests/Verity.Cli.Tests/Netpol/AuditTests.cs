using System.Text.Json;

namespace Verity.Cli.Tests.Netpol;

/// <summary>
/// <c>verity netpol audit</c> over examples/shop and its sample flows. The manifests are passed folder by folder:
/// <c>-f examples/shop</c> would also read flows/hubble.jsonl as a manifest. The table is compared with
/// testdata/netpol/audit/shop.txt; UPDATE_GOLDEN=1 rewrites it for review.
/// </summary>
public sealed class AuditTests
{
    private static string[] Shop() =>
        ["-f", Example("namespaces.yaml"), "-f", Example("api"), "-f", Example("payments"), "-f", Example("storefront")];

    private static string Example(params string[] parts) => Path.Combine([RepoPaths.Example("shop"), .. parts]);

    [Fact]
    public async Task Table_of_the_shop_capture_matches_the_golden_output()
    {
        var run = await Cli.RunAsync(["netpol", "audit", .. Shop(), "--flows", Example("flows", "hubble.jsonl")]);

        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        var actual = RepoPaths.Relative(run.Stdout);
        var path = NetpolTestData.Path("audit", "shop.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"missing {path}; run the tests with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    [Fact]
    public async Task Json_has_the_documented_shape()
    {
        var run = await Cli.RunAsync(["netpol", "audit", .. Shop(), "--flows", Example("flows", "hubble.jsonl"), "-o", "json"]);

        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(["connections", "namespaces", "unevaluated"], root.EnumerateObject().Select(p => p.Name));

        var connections = root.GetProperty("connections").EnumerateArray().ToList();
        Assert.Equal(18, connections.Count);
        Assert.Equal(["from", "to", "port", "protocol", "count", "allowed", "decidedBy", "policy", "brokenByDefaultDeny"], connections[5].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ("api/deployment/orders", "payments/deployment/payments-api", 8443, "TCP", 1L, true, "NetworkPolicy", "NetworkPolicy payments/payments-api-from-orders", "api"),
            (connections[5].GetProperty("from").GetString(), connections[5].GetProperty("to").GetString(), connections[5].GetProperty("port").GetInt32(),
             connections[5].GetProperty("protocol").GetString(), connections[5].GetProperty("count").GetInt64(), connections[5].GetProperty("allowed").GetBoolean(),
             connections[5].GetProperty("decidedBy").GetString(), connections[5].GetProperty("policy").GetString(),
             string.Join(",", connections[5].GetProperty("brokenByDefaultDeny").EnumerateArray().Select(n => n.GetString()))));
        Assert.Equal(JsonValueKind.Null, connections[0].GetProperty("policy").ValueKind);

        Assert.Equal(["api 5/8", "payments 0/7", "storefront 7/7"], root.GetProperty("namespaces").EnumerateArray()
            .Select(n => $"{n.GetProperty("name").GetString()} {n.GetProperty("brokenByDefaultDeny").GetInt32()}/{n.GetProperty("observed").GetInt32()}"));

        var unevaluated = Assert.Single(root.GetProperty("unevaluated").EnumerateArray());
        Assert.Equal(["from", "to", "port", "protocol", "count", "reason"], unevaluated.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_malformed_csv_line_is_reported_with_its_path_and_line_and_exits_2_after_the_audit()
    {
        var csv = Example("flows", "flows.csv");
        var run = await Cli.RunAsync(["netpol", "audit", .. Shop(), "--flows", csv]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(
            $"{csv}:10:1: error VT2101: line 10 skipped: expected 11 comma-separated fields "
            + "(time,src_namespace,src_pod,src_ip,dst_namespace,dst_pod,dst_ip,dst_port,protocol,verdict,count), found 1\n",
            run.Stderr);
        Assert.Contains("8 observed connections: 8 allowed, 0 denied by current policies.", run.Stdout); // the 8 valid lines are still audited, pods mapped by their generated names
    }

    [Fact]
    public async Task Flows_are_read_from_stdin_and_a_missing_file_is_an_input_error()
    {
        var flow = File.ReadLines(Example("flows", "hubble.jsonl")).ElementAt(6);
        var run = await Cli.RunAsync(["netpol", "audit", .. Shop(), "--flows", "-", "--flows", "no-such-flows.json", "-o", "json"],
            env => env with { OpenStdin = Cli.Stdin(flow) });

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("no-such-flows.json: error VT1001: cannot read flows: no such file or directory\n", run.Stderr);
        var connection = Assert.Single(JsonDocument.Parse(run.Stdout).RootElement.GetProperty("connections").EnumerateArray());
        Assert.Equal("payments/deployment/payments-api", connection.GetProperty("to").GetString());
    }
}
