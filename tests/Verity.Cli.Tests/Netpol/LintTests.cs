using System.Text.Json;
using Verity.Core.Loading;
using Verity.Kube;

namespace Verity.Cli.Tests.Netpol;

public sealed class LintTests
{
    [Fact]
    public async Task No_findings_exit_0()
    {
        var run = await Cli.RunAsync("netpol", "lint", "-f", NetpolTestData.Path("lint", "clean.yaml"));
        Assert.Equal((ExitCodes.Ok, "No findings.\n", ""), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Fact]
    public async Task Low_findings_are_shown_and_exit_0()
    {
        var run = await Cli.RunAsync("netpol", "lint", "-f", NetpolTestData.Path("lint", "low-only.yaml"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(
            """
            1 finding (1 low)

            LOW (1)

              VT-NPL-005  prod/NetworkPolicy/web-open  tests/Verity.Cli.Tests/testdata/netpol/lint/low-only.yaml:52
                  ingress rule #0 has no from: it allows every source, inside and outside the cluster

            """, RepoPaths.Relative(run.Stdout));
    }

    [Fact]
    public async Task A_medium_finding_exits_1_and_json_has_the_documented_fields()
    {
        var run = await Cli.RunAsync("netpol", "lint", "-f", NetpolTestData.Path("lint", "medium.yaml"), "-o", "json");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var findings = JsonDocument.Parse(RepoPaths.Relative(run.Stdout)).RootElement.GetProperty("findings");
        var finding = Assert.Single(findings.EnumerateArray());
        Assert.Equal(["rule", "severity", "policy", "message", "file", "line", "column"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ("VT-NPL-001", "medium", "prod/NetworkPolicy/ghost-ingress", "tests/Verity.Cli.Tests/testdata/netpol/lint/medium.yaml"),
            (finding.GetProperty("rule").GetString(), finding.GetProperty("severity").GetString(), finding.GetProperty("policy").GetString(), finding.GetProperty("file").GetString()));
        Assert.StartsWith("selects no pod", finding.GetProperty("message").GetString());
        Assert.True(finding.GetProperty("line").GetInt32() > 50);
    }

    [Fact]
    public async Task A_live_cluster_is_read_with_the_shared_input_options()
    {
        var calls = new List<LiveClusterOptions>();
        var run = await Cli.RunAsync(["netpol", "lint", "--kubeconfig", "/etc/kube/prod.yaml", "--context", "prod", "-n", "shop"],
            env => env with { ReadCluster = Cli.Cluster(new LoadResult([], []), calls) });

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var options = Assert.Single(calls);
        Assert.Equal(("/etc/kube/prod.yaml", "prod", "shop"), (options.Kubeconfig, options.Context, options.Namespace));
    }
}
