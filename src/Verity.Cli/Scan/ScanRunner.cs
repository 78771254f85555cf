using Verity.Cli.Output;
using Verity.Core.Snapshots;
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
        var loaded = await ScanInput.LoadAsync(settings, env, cancellationToken);
        var snapshot = SnapshotBuilder.Build(loaded.Objects, new SnapshotOptions { DefaultNamespace = settings.Namespace ?? "default" });
        var empty = !settings.ReadsLiveCluster && loaded.Objects.Count == 0;
        var report = new ScanReport(PostureScanner.Scan(snapshot), [.. loaded.Diagnostics, .. snapshot.Diagnostics], empty);

        DiagnosticWriter.Write(env.Error, report.Diagnostics);
        if (empty) await env.Error.WriteLineAsync($"error: no Kubernetes objects found in {string.Join(", ", settings.Files)}");
        if (settings is { ReadsLiveCluster: true, Kubeconfig: null, Context: null } && loaded.Objects.Count == 0 && loaded.HasErrors)
            await env.Error.WriteLineAsync("hint: no input given: pass -f PATH to scan manifests, or --kubeconfig FILE to scan a live cluster");
        if (settings.Output == OutputFormat.Json) JsonRenderer.Write(env.Out, report);
        else TableRenderer.Write(TerminalConsole.Create(env, settings.NoColor), report);
        await env.Out.FlushAsync(cancellationToken);
        return ScanVerdict.ExitCode(report, settings.FailUnder);
    }
}
