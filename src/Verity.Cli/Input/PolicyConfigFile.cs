using Verity.Admission.Guardrails;
using Verity.Core.Model;

namespace Verity.Cli.Input;

/// <summary>
/// Reads a guardrail policy config (<c>--config FILE</c> of <c>admission test</c> and <c>scan</c>): none given is the
/// defaults (every guardrail audits); a file that cannot be read is a diagnostic and the defaults apply, so the
/// command still reports and then exits 2.
/// </summary>
internal static class PolicyConfigFile
{
    public static GuardrailConfigResult Load(string? file)
    {
        if (file is null) return new GuardrailConfigResult(GuardrailConfig.Default, []);
        try
        {
            return GuardrailConfigLoader.Load(File.ReadAllText(file), file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file or directory" : e.Message;
            return new GuardrailConfigResult(GuardrailConfig.Default,
                [new Diagnostic(DiagnosticLevel.Error, DiagnosticCodes.Unreadable, $"cannot read the policy config: {reason}; the defaults apply", new SourceLocation(file))]);
        }
    }
}
