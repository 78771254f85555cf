using System.Text.Json;
using Verity.Core.Loading;
using Verity.Core.Model;
using Verity.Kube;

namespace Verity.Cli.Tests;

public sealed class InputTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: tool
        spec:
          serviceAccountName: tool
          automountServiceAccountToken: false
          containers:
            - name: tool
              image: tool:1.0
        """;

    private static string[] Rules(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("rule")} {f.GetProperty("resource")} @ {Source(f.GetProperty("source"))}").ToArray();

    private static string Source(JsonElement source) => source.ValueKind == JsonValueKind.Null ? ""
        : $"{source.GetProperty("file").GetString()}:{source.GetProperty("line")}:{source.GetProperty("column")}";

    [Fact]
    public async Task Reads_stdin_and_puts_objects_without_a_namespace_in_the_one_given_by_n()
    {
        var run = await Cli.RunAsync(["scan", "-f", "-", "-n", "tools", "-o", "json"], env => env with { OpenStdin = Cli.Stdin(Pod) });

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(
            [
                "VT-NET-001 Namespace/tools @ ",
                "VT-PSS-002 tools/Pod/tool @ -:6:3",
                "VT-RES-001 tools/Pod/tool @ -:9:7",
                "VT-IMG-002 tools/Pod/tool @ -:10:14",
            ],
            Rules(run.Stdout));
    }

    [Fact]
    public async Task Without_n_objects_without_a_namespace_go_to_default()
    {
        var run = await Cli.RunAsync(["scan", "-f", "-", "-o", "json"], env => env with { OpenStdin = Cli.Stdin(Pod) });
        var namespaces = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("namespaces").EnumerateArray().Select(n => n.GetProperty("name").GetString());
        Assert.Equal(["default"], namespaces);
    }

    [Fact]
    public async Task Kubeconfig_context_and_namespace_are_passed_to_the_live_cluster_reader()
    {
        var calls = new List<LiveClusterOptions>();
        var run = await Cli.RunAsync(["scan", "--kubeconfig", "/etc/kube/prod.yaml", "--context", "prod", "-n", "shop", "-o", "json"],
            env => env with { ReadCluster = Cli.Cluster(new LoadResult([], []), calls) });

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var options = Assert.Single(calls);
        Assert.Equal(("/etc/kube/prod.yaml", "prod", "shop"), (options.Kubeconfig, options.Context, options.Namespace));
    }

    [Fact]
    public async Task Without_f_the_current_kubeconfig_context_is_read_like_kubectl()
    {
        var calls = new List<LiveClusterOptions>();
        var run = await Cli.RunAsync(["scan"], env => env with { ReadCluster = Cli.Cluster(new LoadResult([], []), calls) });

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal((null, null, null), (calls[0].Kubeconfig, calls[0].Context, calls[0].Namespace));
        Assert.StartsWith("Posture score: 100/100", run.Stdout);
    }

    [Fact]
    public async Task Without_any_input_the_reader_error_is_printed_with_a_hint_and_exits_2()
    {
        var noConfig = new LoadResult([], [new Diagnostic(DiagnosticLevel.Error, DiagnosticCodes.ApiError, "no kubeconfig found (~/.kube/config)")]);
        var run = await Cli.RunAsync(["scan"], env => env with { ReadCluster = Cli.Cluster(noConfig, []) });

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(
            "error VT1009: no kubeconfig found (~/.kube/config)\n" +
            "hint: no input given: pass -f PATH to scan manifests, or --kubeconfig FILE to scan a live cluster\n",
            run.Stderr);
    }

    [Fact]
    public async Task The_real_cluster_reader_reports_a_missing_kubeconfig_as_an_input_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"verity-no-such-kubeconfig-{Guid.NewGuid():N}");
        var run = await Cli.RunAsync(["scan", "--kubeconfig", missing], env => env with { ReadCluster = LiveClusterReader.ReadAsync });

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error VT1001: kubeconfig file not found: {missing}\n", run.Stderr);
    }
}
