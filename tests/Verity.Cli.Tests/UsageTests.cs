namespace Verity.Cli.Tests;

/// <summary>Bad usage exits 2 with a clear message and a pointer to --help — never a stack trace.</summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData(new[] { "scan", "--bogus" }, "error: Unrecognized command or argument '--bogus'.")]
    [InlineData(new[] { "scan", "-o", "yaml", "-f", "x" }, "error: Argument 'yaml' not recognized. Must be one of:")]
    [InlineData(new[] { "scan", "--fail-under", "101", "-f", "x" }, "error: --fail-under must be a whole number from 0 to 100, not '101'.")]
    [InlineData(new[] { "scan", "--fail-under", "-5", "-f", "x" }, "error: --fail-under must be a whole number from 0 to 100, not '-5'.")]
    [InlineData(new[] { "scan", "--fail-under", "high", "-f", "x" }, "error: --fail-under must be a whole number from 0 to 100, not 'high'.")]
    [InlineData(new[] { "scan", "-o", "yaml", "--fail-under", "high", "-f", "x" }, "\nerror: --fail-under must be a whole number from 0 to 100, not 'high'.")]
    [InlineData(new[] { "scan", "-f", "x", "--kubeconfig", "k" }, "error: pass either -f/--filename or --kubeconfig/--context, not both.")]
    [InlineData(new[] { "scan", "-f", "x", "--context", "prod" }, "error: pass either -f/--filename or --kubeconfig/--context, not both.")]
    [InlineData(new[] { "scan", "-f" }, "error: Required argument missing for option: '-f'.")]
    public async Task Bad_flags_exit_2_with_a_message(string[] args, string message)
    {
        var run = await Cli.RunAsync(args);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.EndsWith("Run 'verity scan --help' for usage.\n", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task No_command_exits_2()
    {
        var run = await Cli.RunAsync();
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("error: Required command was not provided.\nRun 'verity --help' for usage.\n", run.Stderr);
    }

    [Fact]
    public async Task Help_lists_every_scan_option_and_exits_0()
    {
        var run = await Cli.RunAsync("scan", "--help");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var option in new[] { "-f, --filename <PATH>", "-n, --namespace <NAME>", "--kubeconfig <FILE>", "--context <NAME>", "-o, --output <json|table>", "--no-color", "--fail-under <N>" })
            Assert.Contains(option, run.Stdout);
    }

    [Fact]
    public async Task A_bug_is_reported_in_one_line_with_exit_3_never_a_stack_trace()
    {
        var run = await Cli.RunAsync(["scan"], env => env with { ReadCluster = (_, _) => throw new InvalidOperationException("boom") });
        Assert.Equal(ExitCodes.InternalError, run.ExitCode);
        Assert.Equal("verity: internal error (InvalidOperationException): boom (this is a bug in verity; please report it)\n", run.Stderr);
    }
}
