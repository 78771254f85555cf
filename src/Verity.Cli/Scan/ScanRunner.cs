using Verity.Cli.Input;
using Verity.Cli.Output;
using Verity.Posture.Scoring;

namespace Verity.Cli.Scan;

/// <summary>
/// Runs a scan: load → snapshot → scorecard, then diagnostics to stderr and the scorecard to stdout — the
/// scorecard of the valid objects is printed even when some input was bad — and the exit code of
/// <see cref="ScanVerdict"/>.
/// </summary>
internal static class ScanRunner
{
    public static async Task<int> RunAsync(ScanSettings settings, CliEnvironment env, CancellationToken cancellationToken)
    {
        var input = await InputLoader.LoadAsync(settings.Input, env, cancellationToken);
        var report = new ScanReport(PostureScanner.Scan(input.Snapshot), input.Diagnostics, input.Empty);

        InputProblems.Write(env.Error, input, verb: "scan");
        if (settings.Output == OutputFormat.Json) JsonRenderer.Write(env.Out, report);
        else TableRenderer.Write(TerminalConsole.Create(env, settings.NoColor), report);
        await env.Out.FlushAsync(cancellationToken);
        return ScanVerdict.ExitCode(report, settings.FailUnder);
    }
}
