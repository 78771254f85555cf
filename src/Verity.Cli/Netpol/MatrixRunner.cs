using Verity.Cli.Output;
using Verity.Network.Engine;
using Verity.Network.Evaluation;
using Verity.Network.Model;

namespace Verity.Cli.Netpol;

/// <summary>
/// Runs <c>matrix</c>: the engine's matrix over the selected endpoints (sorted by id, so the output is stable),
/// rendered as table, JSON or CSV. Exit 0, or 2 when the input had errors (after printing the matrix).
/// </summary>
internal static class MatrixRunner
{
    public static async Task<int> RunAsync(NetpolSettings settings, MatrixSettings matrix, CliEnvironment env, CancellationToken cancellationToken)
    {
        var input = await NetpolInput.LoadAndReportAsync(settings.Input, settings.IpBlockMatchesPods, env, cancellationToken);
        var endpoints = Endpoints(input.Model, matrix.Namespaces);
        var connections = ReachabilityMatrix.Compute(new ReachabilityEngine(input.Model), endpoints, matrix.Ports.Keys)
            .Where(c => matrix.Ports.Includes(c.Port));
        switch (settings.Output)
        {
            case OutputFormat.Json: MatrixJsonRenderer.Write(env.Out, connections); break;
            case OutputFormat.Csv: MatrixCsvRenderer.Write(env.Out, connections); break;
            default: MatrixTableRenderer.Write(TerminalConsole.Create(env, settings.NoColor), endpoints, connections.ToList()); break;
        }
        await env.Out.FlushAsync(cancellationToken);
        return input.HasErrors ? ExitCodes.BadInput : ExitCodes.Ok;
    }

    private static IReadOnlyList<Endpoint> Endpoints(NetworkModel model, IReadOnlyList<string> namespaces) =>
        model.Endpoints.Where(e => namespaces.Count == 0 || namespaces.Contains(e.Namespace, StringComparer.Ordinal))
            .OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
}
