namespace Verity.Cli.Tests.Netpol;

/// <summary>
/// <c>verity netpol explain</c> over testdata/netpol/explain/&lt;case&gt;/ (input.yaml + args), compared with its
/// expected.txt: the command line, the output, the exit code. Set UPDATE_GOLDEN=1 to rewrite the expectations, then
/// review the diff — it is what users read.
/// </summary>
public sealed class ExplainGoldenTests
{
    public static TheoryData<string> Cases() => new(NetpolTestData.ExplainCases());

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Explain_matches_the_golden_output(string name)
    {
        var run = await NetpolTestData.RunCase("explain", name);

        Assert.Equal("", run.Stderr);
        var actual = $"$ verity netpol explain -f input.yaml {string.Join(' ', NetpolTestData.ExplainArgs(name))}\n{run.Stdout}(exit {run.ExitCode})\n";
        var path = NetpolTestData.Path("explain", name, "expected.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"missing {path}; run the tests with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    [Fact]
    public void There_are_at_least_ten_explain_situations() => Assert.True(NetpolTestData.ExplainCases().Count() >= 10);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Explain_exits_like_can_and_its_last_line_is_the_verdict(string name)
    {
        var explain = await NetpolTestData.RunCase("explain", name);
        var can = await NetpolTestData.RunCase("can", name);

        Assert.Equal(can.ExitCode, explain.ExitCode);
        var verdict = explain.Stdout.TrimEnd('\n').Split('\n').Reverse().First(l => !l.StartsWith("  ", StringComparison.Ordinal));
        Assert.StartsWith(can.ExitCode == ExitCodes.Ok ? "YES — " : "NO — ", verdict);
    }
}
