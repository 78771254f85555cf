using System.Text.Json;

namespace Verity.Cli.Tests;

public sealed class ExitCodeTests
{
    private static readonly string Shop = RepoPaths.Example("shop");
    private static readonly string Malformed = Path.Combine(RepoPaths.TestData, "malformed");

    [Fact]
    public async Task A_score_at_the_gate_passes_with_0()
    {
        var run = await Cli.RunAsync("scan", "-f", Shop, "--fail-under", "65", "-o", "json");
        Assert.Equal(65, JsonDocument.Parse(run.Stdout).RootElement.GetProperty("score").GetInt32());
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
    }

    [Fact]
    public async Task A_score_below_the_gate_fails_with_1_and_still_prints_the_scorecard()
    {
        var run = await Cli.RunAsync("scan", "-f", Shop, "--fail-under", "66");
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.StartsWith("Posture score: 65/100", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public async Task Malformed_input_exits_2_after_reporting_every_problem_and_scoring_the_valid_objects()
    {
        var run = await Cli.RunAsync("scan", "-f", Malformed, "-o", "json", "--fail-under", "0");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(
            [
                "tests/Verity.Cli.Tests/testdata/malformed/broken.yaml:23:4: error VT1002: YAML syntax error: While parsing a block mapping, did not find expected key",
                "tests/Verity.Cli.Tests/testdata/malformed/broken.yaml:11:3: error VT1005: missing required field \"metadata.name\"",
            ],
            RepoPaths.Relative(run.Stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var json = JsonDocument.Parse(RepoPaths.Relative(run.Stdout)).RootElement;
        Assert.Equal(60, json.GetProperty("score").GetInt32());
        Assert.Equal(
            ["VT-NET-001 Namespace/shop", "VT-IMG-001 shop/Deployment/web", "VT-PSS-002 shop/Deployment/web", "VT-IMG-002 shop/Deployment/web"],
            json.GetProperty("findings").EnumerateArray().Select(f => $"{f.GetProperty("rule")} {f.GetProperty("resource")}"));
        var diagnostic = json.GetProperty("diagnostics")[1];
        Assert.Equal(
            ("error", "VT1005", "tests/Verity.Cli.Tests/testdata/malformed/broken.yaml", 11, 3, "metadata.name"),
            (diagnostic.GetProperty("level").GetString(), diagnostic.GetProperty("code").GetString(), diagnostic.GetProperty("file").GetString(),
             diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("column").GetInt32(), diagnostic.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task Malformed_input_in_table_mode_says_the_score_covers_the_valid_objects_only()
    {
        var run = await Cli.RunAsync("scan", "-f", Malformed);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Posture score: 60/100", run.Stdout);
        Assert.Contains("this score covers the valid objects only", run.Stdout);
        Assert.Contains("broken.yaml:23:4: error VT1002:", run.Stderr);
    }

    [Fact]
    public async Task Input_errors_win_over_a_failed_gate()
    {
        var run = await Cli.RunAsync("scan", "-f", Malformed, "--fail-under", "100");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
    }

    [Fact]
    public async Task A_missing_path_is_an_input_error_and_the_other_paths_are_still_scanned()
    {
        var run = await Cli.RunAsync("scan", "-f", "/no/such/dir", "-f", Path.Combine(Malformed, "good.yaml"), "-o", "json");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("/no/such/dir: error VT1001: cannot read input: no such file or directory\n", run.Stderr);
        Assert.Equal(4, JsonDocument.Parse(run.Stdout).RootElement.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task An_input_without_any_object_exits_2()
    {
        var empty = Directory.CreateTempSubdirectory("verity-empty-");
        try
        {
            var run = await Cli.RunAsync("scan", "-f", empty.FullName);
            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            Assert.Equal($"error: no Kubernetes objects found in {empty.FullName}\n", run.Stderr);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
