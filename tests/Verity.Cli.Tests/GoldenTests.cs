namespace Verity.Cli.Tests;

/// <summary>
/// <c>verity scan</c> over examples/shop, compared with testdata/golden/. Set UPDATE_GOLDEN=1 to rewrite
/// the expectations, then review the diff: it is the user-visible change.
/// </summary>
public sealed class GoldenTests
{
    [Theory]
    [InlineData("shop.json", "-o", "json")]
    [InlineData("shop.txt", "-o", "table")]
    [InlineData("shop-flows.json", "-o", "json", "--flows", "flows/hubble.jsonl")]
    [InlineData("shop-flows.txt", "--flows", "flows/hubble.jsonl", "--flows", "flows/denied.jsonl")]
    public async Task Scan_of_the_shop_example_matches_the_golden_output(string golden, params string[] format)
    {
        // Flow files are named relative to the example; the extra denied capture lives with the golden files.
        var args = format.Select(a => a.StartsWith("flows/", StringComparison.Ordinal)
            ? a == "flows/denied.jsonl" ? Path.Combine(RepoPaths.TestData, "golden", "denied.jsonl") : Path.Combine(RepoPaths.Example("shop"), a)
            : a);
        var run = await Cli.RunAsync(["scan", "-f", RepoPaths.Example("shop"), .. args]);

        Assert.Equal("", run.Stderr);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var actual = RepoPaths.Relative(run.Stdout);
        var path = Path.Combine(RepoPaths.TestData, "golden", golden);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"missing {path}; run the tests with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
