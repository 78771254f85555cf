namespace Verity.Cli.Tests.Netpol;

/// <summary>Human output of <c>verity netpol</c>: colour only on a terminal, and plain, unpadded lines otherwise.</summary>
public sealed class NetpolOutputTests
{
    private const string Escape = "\u001b[";
    private static readonly string Cluster = NetpolTestData.ExplainInput("networkpolicy-isolation-no-rule-matches");

    public static TheoryData<string[]> Commands() => new(
        ["explain", "--from", "dev/tool", "--to", "prod/web", "--port", "8080"],
        ["can", "--from", "dev/tool", "--to", "prod/web", "--port", "8080"],
        ["matrix"],
        ["lint"]);

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_terminal_gets_colour_unless_no_color(string[] command)
    {
        var coloured = await Cli.RunAsync(["netpol", .. command, "-f", Cluster], env => env with { OutputIsTerminal = true });
        var plain = await Cli.RunAsync(["netpol", .. command, "-f", Cluster, "--no-color"], env => env with { OutputIsTerminal = true });

        if (command[0] != "can") Assert.Contains(Escape, coloured.Stdout); // can prints plain yes/no for scripts
        Assert.DoesNotContain(Escape, plain.Stdout);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Redirected_output_at_a_narrow_width_wraps_without_trailing_blanks(string[] command)
    {
        var run = await Cli.RunAsync(["netpol", .. command, "-f", Cluster], env => env with { RedirectedWidth = 80 });

        Assert.DoesNotContain(Escape, run.Stdout);
        Assert.DoesNotContain(" \n", run.Stdout);
        if (command[0] == "explain")
            Assert.All(run.Stdout.Split('\n'), line => Assert.True(line.Length <= 80, $"longer than 80: {line}"));
    }
}
