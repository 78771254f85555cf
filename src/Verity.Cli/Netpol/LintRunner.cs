using Verity.Cli.Output;
using Verity.Core.Model;
using Verity.Network.Lint;

namespace Verity.Cli.Netpol;

/// <summary>Runs <c>lint</c>: exit 2 when the input had errors (after printing the findings), else 1 when any finding is medium or higher, else 0.</summary>
internal static class LintRunner
{
    public const Severity Gate = Severity.Medium;

    public static async Task<int> RunAsync(NetpolSettings settings, CliEnvironment env, CancellationToken cancellationToken)
    {
        var input = await NetpolInput.LoadAndReportAsync(settings.Input, settings.IpBlockMatchesPods, env, cancellationToken);
        var findings = PolicyLinter.Lint(input.Model);
        if (settings.Output == OutputFormat.Json) LintJsonRenderer.Write(env.Out, findings);
        else LintTableRenderer.Write(TerminalConsole.Create(env, settings.NoColor), findings);
        await env.Out.FlushAsync(cancellationToken);
        return input.HasErrors ? ExitCodes.BadInput : findings.Any(f => f.Severity >= Gate) ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
