namespace Verity.Cli.Tests.Netpol;

/// <summary>Bad usage of <c>verity netpol</c> exits 2 with a clear message, before reading any input.</summary>
public sealed class NetpolUsageTests
{
    [Theory]
    [InlineData("can", new[] { "--to", "a/b", "--port", "80", "-f", "x" }, "error: Option '--from' is required.")]
    [InlineData("can", new[] { "--from", "a/b", "--to", "a/c", "--port", "0", "-f", "x" }, "error: --port must be a port number from 1 to 65535 or a port name, not '0'.")]
    [InlineData("explain", new[] { "--from", "a/b", "--to", "a/c", "--port", "70000", "-f", "x" }, "error: --port must be a port number from 1 to 65535 or a port name, not '70000'.")]
    [InlineData("can", new[] { "--from", "a/b", "--to", "a/c", "--port", "80", "--protocol", "ICMP", "-f", "x" }, "error: --protocol must be TCP, UDP or SCTP, not 'ICMP'.")]
    [InlineData("matrix", new[] { "--port", "http", "-f", "x" }, "error: --port must be a port number from 1 to 65535, not 'http'.")]
    [InlineData("matrix", new[] { "-o", "yaml", "-f", "x" }, "error: Argument 'yaml' not recognized. Must be one of:")]
    [InlineData("diff", new[] { "-f", "x" }, "error: Option '--against' is required.")]
    [InlineData("lint", new[] { "-f", "x", "--context", "prod" }, "error: pass either -f/--filename or --kubeconfig/--context, not both.")]
    [InlineData("lint", new[] { "-f", "x", "--ipblock-matches-pods=maybe" }, "error: Unrecognized command or argument 'maybe'.")]
    public async Task Bad_flags_exit_2_with_a_message(string command, string[] args, string message)
    {
        var run = await Cli.RunAsync(["netpol", command, .. args]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.EndsWith($"Run 'verity netpol {command} --help' for usage.\n", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Netpol_help_lists_its_subcommands()
    {
        var run = await Cli.RunAsync("netpol", "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var command in new[] { "can", "explain", "matrix", "diff", "lint" })
            Assert.Matches($@"\n  {command} ", run.Stdout);
    }

    [Fact]
    public async Task Can_help_lists_every_option()
    {
        var run = await Cli.RunAsync("netpol", "can", "--help");
        foreach (var option in new[] { "--from <ENDPOINT>", "--to <ENDPOINT|IP>", "--port <PORT>", "--protocol <TCP|UDP|SCTP>", "-f, --filename <PATH>",
                     "-n, --namespace <NAME>", "--kubeconfig <FILE>", "--context <NAME>", "--ipblock-matches-pods", "-o, --output <json|table>" })
            Assert.Contains(option, run.Stdout);
    }

    [Theory]
    [InlineData("--ipblock-matches-pods=false", "no")]
    [InlineData("--ipblock-matches-pods", "yes")]
    [InlineData("--ipblock-matches-pods=true", "yes")]
    public async Task Ipblock_matches_pods_takes_an_optional_boolean(string flag, string answer)
    {
        var run = await NetpolTestData.RunCase("can", "ipblock-does-not-match-pods-as-cilium");
        Assert.StartsWith("no\n", run.Stdout); // the case's own args turn it off
        var input = NetpolTestData.ExplainInput("ipblock-does-not-match-pods-as-cilium");
        run = await Cli.RunAsync("netpol", "can", "-f", input, "--from", "dev/tool", "--to", "prod/db", "--port", "5432", flag);
        Assert.StartsWith(answer + "\n", run.Stdout);
    }
}
