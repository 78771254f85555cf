using System.Text.Json;

namespace Verity.Cli.Tests;

/// <summary>
/// <c>verity scan</c> on real applications, as a user would run it. The manifests come from
/// VERITY_REALWORLD_DIR (CI points it at ../shared/realworld); without it the tests are skipped.
/// </summary>
public sealed class RealWorldScanTests
{
    private static string? Root =>
        Environment.GetEnvironmentVariable("VERITY_REALWORLD_DIR") is { Length: > 0 } dir && Directory.Exists(dir) ? dir : null;

    private const string Skip = "VERITY_REALWORLD_DIR is not set; real-world manifests are absent";

    [SkippableFact]
    public async Task OnlineBoutiqueGetsASensibleScorecard()
    {
        Xunit.Skip.If(Root is null, Skip);
        var run = await Cli.RunAsync("scan", "-f", Path.Combine(Root!, "online-boutique"), "-o", "json");

        // Only warnings (kustomization files, Istio config shipped twice): the scan succeeds.
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(": error ", run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        var score = root.GetProperty("score").GetInt32();
        Assert.InRange(score, 1, 99);
        Assert.Equal(["default"], root.GetProperty("namespaces").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        // Online Boutique pins images by tag, not digest, and mounts service account tokens: both must be found, with their file.
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "VT-IMG-002" && f.GetProperty("resource").GetString() == "default/Deployment/frontend");
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "VT-IDN-002"
            && f.GetProperty("source").GetProperty("file").GetString()!.EndsWith("adservice.yaml", StringComparison.Ordinal));
        // Its NetworkPolicies (deny-all plus one per service) are found: the namespace is not reported as unprotected.
        Assert.DoesNotContain(findings, f => f.GetProperty("rule").GetString() == "VT-NET-001");
    }

    [SkippableFact]
    public async Task KubePrometheusScansWithoutInputErrors()
    {
        Xunit.Skip.If(Root is null, Skip);
        var run = await Cli.RunAsync("scan", "-f", Path.Combine(Root!, "kube-prometheus"), "-o", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        // The scorecard lists namespaces that run workloads; the RoleBindings in default and kube-system do not count.
        Assert.Equal(["monitoring"],
            json.RootElement.GetProperty("namespaces").EnumerateArray().Select(n => n.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }
}
