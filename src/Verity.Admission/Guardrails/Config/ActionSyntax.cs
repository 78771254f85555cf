namespace Verity.Admission.Guardrails.Config;

/// <summary>The config spelling of <see cref="GuardrailAction"/>: lower-case, exactly.</summary>
internal static class ActionSyntax
{
    public const string Names = "enforce, warn, audit, disabled";

    public static bool TryParse(string text, out GuardrailAction action)
    {
        (var ok, action) = text switch
        {
            "enforce" => (true, GuardrailAction.Enforce),
            "warn" => (true, GuardrailAction.Warn),
            "audit" => (true, GuardrailAction.Audit),
            "disabled" => (true, GuardrailAction.Disabled),
            _ => (false, GuardrailAction.Disabled),
        };
        return ok;
    }

    public static string Format(GuardrailAction action) => action.ToString().ToLowerInvariant();
}
