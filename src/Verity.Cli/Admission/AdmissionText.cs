using Verity.Admission.Guardrails;

namespace Verity.Cli.Admission;

/// <summary>The words every renderer of <c>admission test</c> uses for actions.</summary>
internal static class AdmissionText
{
    /// <summary>The action as the policy config spells it: <c>enforce</c>, <c>warn</c>, <c>audit</c>.</summary>
    public static string Action(GuardrailAction action) => action switch
    {
        GuardrailAction.Enforce => "enforce",
        GuardrailAction.Warn => "warn",
        GuardrailAction.Audit => "audit",
        _ => "disabled",
    };

    /// <summary>The SARIF result level of an action: enforce → error, warn → warning, audit → note.</summary>
    public static string SarifLevel(GuardrailAction action) => action switch
    {
        GuardrailAction.Enforce => "error",
        GuardrailAction.Warn => "warning",
        _ => "note",
    };
}
