namespace Verity.Cli.Tests.Pss;

/// <summary>
/// <c>verity pss check</c> over testdata/pss/cluster, compared with testdata/pss/*.txt|json. Set UPDATE_GOLDEN=1 to rewrite
/// the expectations, then review the diff.
/// </summary>
public sealed class PssGoldenTests
{
    private static string Data => Path.Combine(RepoPaths.TestData, "pss");

    [Theory]
    [InlineData("labels.txt")]
    [InlineData("labels.json", "-o", "json")]
    [InlineData("restricted-v1.21.txt", "--level", "restricted", "--version", "v1.21")]
    [InlineData("baseline.json", "--level", "baseline", "-o", "json")]
    public async Task Check_of_the_cluster_matches_the_golden_output(string golden, params string[] options)
    {
        var run = await Cli.RunAsync(["pss", "check", "-f", Path.Combine(Data, "cluster"), .. options]);

        Assert.Equal("", run.Stderr);
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var path = Path.Combine(Data, golden);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, run.Stdout);
            return;
        }
        Assert.True(File.Exists(path), $"missing {path}; run the tests with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path), run.Stdout);
    }
}
