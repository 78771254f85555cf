using System.Text.Json;

namespace Verity.Cli.Tests;

/// <summary><c>verity scan --flows</c>: the observed-traffic section and its input problems.</summary>
public sealed class ScanFlowsTests
{
    private static readonly string[] Shop = ["-f", Path.Combine(RepoPaths.Example("shop"), "namespaces.yaml"), "-f", Path.Combine(RepoPaths.Example("shop"), "api"),
        "-f", Path.Combine(RepoPaths.Example("shop"), "payments"), "-f", Path.Combine(RepoPaths.Example("shop"), "storefront")];

    [Fact]
    public async Task A_malformed_flow_line_is_reported_and_exits_2_after_the_scorecard_with_the_valid_flows()
    {
        var csv = Path.Combine(RepoPaths.Example("shop"), "flows", "flows.csv");
        var run = await Cli.RunAsync(["scan", .. Shop, "--flows", csv, "-o", "json"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith($"{csv}:10:1: error VT2101: line 10 skipped: expected 11 comma-separated fields", run.Stderr);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        var traffic = root.GetProperty("traffic");
        Assert.Equal(["connections", "denied", "unevaluated", "namespaces", "deniedConnections"], traffic.EnumerateObject().Select(p => p.Name));
        // The 8 valid CSV lines are all evaluated (pods mapped by their generated names); none is denied today.
        Assert.Equal((8, 0, 0), (traffic.GetProperty("connections").GetInt32(), traffic.GetProperty("denied").GetInt32(), traffic.GetProperty("unevaluated").GetInt32()));
        Assert.Equal(["api 4/0/1", "payments 3/0/0", "storefront 5/0/5"], traffic.GetProperty("namespaces").EnumerateArray()
            .Select(n => $"{n.GetProperty("name")} {n.GetProperty("observed")}/{n.GetProperty("denied")}/{n.GetProperty("brokenByDefaultDeny")}"));
        Assert.Contains(root.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "VT2101");
    }

    [Fact]
    public async Task Without_flows_the_traffic_key_is_null_and_a_missing_flows_file_is_an_input_error()
    {
        var plain = await Cli.RunAsync(["scan", .. Shop, "-o", "json"]);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(plain.Stdout).RootElement.GetProperty("traffic").ValueKind);

        var missing = await Cli.RunAsync(["scan", .. Shop, "--flows", "no-such-flows.json"]);
        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
        Assert.Equal("no-such-flows.json: error VT1001: cannot read flows: no such file or directory\n", missing.Stderr);
        Assert.Contains("Observed traffic: 0 connections evaluated, 0 denied by current policies", missing.Stdout);
    }
}
