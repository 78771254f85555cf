using Verity.Cli.Output;
using Verity.Network.Engine;

namespace Verity.Cli.Netpol;

/// <summary>
/// Runs <c>diff</c>: both inputs are loaded and reported (before, then after), compared by the engine on the
/// endpoints present in both, and rendered in a stable order. Exit 2 when either input had errors, else 1 when
/// something was opened, else 0.
/// </summary>
internal static class DiffRunner
{
    public static async Task<int> RunAsync(NetpolSettings settings, DiffSettings diff, CliEnvironment env, CancellationToken cancellationToken)
    {
        var before = await NetpolInput.LoadAndReportAsync(settings.Input, settings.IpBlockMatchesPods, env, cancellationToken);
        var after = await NetpolInput.LoadAndReportAsync(diff.Against, settings.IpBlockMatchesPods, env, cancellationToken);
        var result = ReachabilityDiff.Compare(
            new ReachabilityEngine(before.Model), before.Model.Endpoints,
            new ReachabilityEngine(after.Model), after.Model.Endpoints, diff.Ports.Keys);
        var opened = Sorted(result.Opened.Where(c => diff.Ports.Includes(c.Port)));
        var closed = Sorted(result.Closed.Where(c => diff.Ports.Includes(c.Port)));

        if (settings.Output == OutputFormat.Json) DiffJsonRenderer.Write(env.Out, opened, closed);
        else DiffTableRenderer.Write(TerminalConsole.Create(env, settings.NoColor), opened, closed, result.Compared);
        await env.Out.FlushAsync(cancellationToken);
        return before.HasErrors || after.HasErrors ? ExitCodes.BadInput : opened.Count > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static List<Connection> Sorted(IEnumerable<Connection> connections) =>
        connections.OrderBy(c => c.From.Id, StringComparer.Ordinal).ThenBy(c => c.To.Id, StringComparer.Ordinal)
            .ThenBy(c => c.Port.Port).ThenBy(c => c.Port.Protocol).ToList();
}
