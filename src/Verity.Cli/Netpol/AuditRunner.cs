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
        var flows = new List<FlowRecord>();
        var diagnostics = new List<Diagnostic>();
        foreach (var file in flowFiles)
        {
            try
            {
                using var stream = file == "-" ? env.OpenStdin() : File.OpenRead(file);
                var read = FlowReader.ReadAll(stream, file);
                flows.AddRange(read.Flows);
                diagnostics.AddRange(read.Diagnostics);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, DiagnosticCodes.Unreadable, $"cannot read flows: {Reason(e)}", new SourceLocation(file)));
            }
        }
        DiagnosticWriter.Write(env.Error, diagnostics);

        var connections = new FlowMapper(input.Model).Aggregate(flows);
        var report = FlowAudit.Audit(input.Input.Snapshot, input.Model, connections);
        if (settings.Output == OutputFormat.Json) AuditJsonRenderer.Write(env.Out, report);
        else AuditTableRenderer.Write(TerminalConsole.Create(env, settings.NoColor), report);
        await env.Out.FlushAsync(cancellationToken);
        return input.HasErrors || diagnostics.Count > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
    }

    private static string Reason(Exception e) => e is FileNotFoundException or DirectoryNotFoundException ? "no such file or directory" : e.Message;
}
