using Verity.Cli.Input;
using Verity.Cli.Output;
using Verity.Core.Model;
using Verity.Network.Flows;

namespace Verity.Cli.Netpol;

/// <summary>
/// Runs <c>audit</c>: loads the input (problems to stderr), reads every flows file (<c>-</c> is stdin; unreadable
/// lines to stderr with their line numbers), maps and aggregates the flows, audits them and renders the report.
/// Exit 2 when the input or the flows had errors, else 0.
/// </summary>
internal static class AuditRunner
{
    public static async Task<int> RunAsync(NetpolSettings settings, IReadOnlyList<string> flowFiles, CliEnvironment env, CancellationToken cancellationToken)
    {
        var input = await NetpolInput.LoadAndReportAsync(settings.Input, settings.IpBlockMatchesPods, env, cancellationToken);
        var diagnostics = new List<Diagnostic>();
        var connections = FlowFiles.Aggregate(flowFiles, new FlowMapper(input.Model), env, diagnostics);
        DiagnosticWriter.Write(env.Error, diagnostics);
        var report = FlowAudit.Audit(input.Input.Snapshot, input.Model, connections);
        if (settings.Output == OutputFormat.Json) AuditJsonRenderer.Write(env.Out, report);
        else AuditTableRenderer.Write(TerminalConsole.Create(env, settings.NoColor), report);
        await env.Out.FlushAsync(cancellationToken);
        return input.HasErrors || diagnostics.Count > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
    }
}
