using System.Text;
using Verity.Core.Loading;
using Verity.Kube;

namespace Verity.Cli.Tests;

/// <summary>
/// Runs the real root command in-process with captured stdout/stderr, as <c>verity ARGS</c> would —
/// same parsing, same exit codes — with standard input and the live-cluster reader replaced by fakes.
/// </summary>
internal static class Cli
{
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(args, configure: null);

    public static async Task<CliRun> RunAsync(string[] args, Func<CliEnvironment, CliEnvironment>? configure)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var env = new CliEnvironment(stdout, stderr)
        {
            ReadCluster = (_, _) => throw new InvalidOperationException("this test does not expect a live-cluster read"),
        };
        if (configure is not null) env = configure(env);
        var exit = await CliRunner.RunAsync(Program.Root, args, env);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    public static Func<Stream> Stdin(string text) => () => new MemoryStream(Encoding.UTF8.GetBytes(text));

    /// <summary>A fake cluster: records the options it was asked for and returns <paramref name="result"/>.</summary>
    public static Func<LiveClusterOptions, CancellationToken, Task<LoadResult>> Cluster(LoadResult result, List<LiveClusterOptions> calls) =>
        (options, _) =>
        {
            calls.Add(options);
            return Task.FromResult(result);
        };
}
