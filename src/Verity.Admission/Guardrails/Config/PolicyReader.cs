using System.Text.Json;

namespace Verity.Admission.Guardrails.Config;

/// <summary>
/// Reads one entry of <c>spec.policies</c> into <see cref="PolicySettings"/>, starting from the guardrail's defaults.
/// An invalid <c>action</c> or selector makes the policy <see cref="GuardrailAction.Audit"/>: it is still evaluated and
/// reported, never denies on a misread scope, and never silently disappears. An invalid parameter value is reported
/// and left out; invalid exceptions are dropped (see <see cref="ExceptionReader"/>).
/// </summary>
internal static class PolicyReader
{
    private static readonly string[] Common = ["action", "namespaceSelector", "objectSelector", "exceptions"];

    public static PolicySettings Read(ConfigReader reader, GuardrailPolicy policy, JsonElement entry, IReadOnlyList<object> path, GuardrailAction defaultAction)
    {
        var settings = GuardrailConfig.DefaultSettings(policy.Id) with { Action = defaultAction, Source = reader.At(path) };
        reader.UnknownFields(entry, path, [.. Common, .. policy.Parameters], $"policy {policy.Id}");
        var scopeValid = true;

        if (reader.String(entry, [.. path, "action"]) is { } actionText)
        {
            if (ActionSyntax.TryParse(actionText, out var action)) settings = settings with { Action = action };
            else
            {
                reader.Error(GuardrailDiagnosticCodes.InvalidAction,
                    $"invalid action \"{actionText}\": must be one of {ActionSyntax.Names}; the policy runs at audit until fixed", [.. path, "action"]);
                scopeValid = false;
            }
        }
        var namespaceSelector = SelectorReader.Read(reader, entry, [.. path, "namespaceSelector"], out var nsValid);
        var objectSelector = SelectorReader.Read(reader, entry, [.. path, "objectSelector"], out var objValid);
        scopeValid &= nsValid && objValid;
        settings = settings with { NamespaceSelector = namespaceSelector, ObjectSelector = objectSelector };

        if (policy.Parameters.Contains("registries"))
            settings = settings with { Registries = Values(reader, entry, path, "registries", ParameterSyntax.RegistryError) ?? settings.Registries };
        if (policy.Parameters.Contains("labels"))
            settings = settings with { Labels = Values(reader, entry, path, "labels", ParameterSyntax.LabelKeyError) ?? settings.Labels };
        if (policy.Parameters.Contains("allowedNamespaces"))
            settings = settings with { AllowedNamespaces = Values(reader, entry, path, "allowedNamespaces", ParameterSyntax.NamespaceError) ?? settings.AllowedNamespaces };

        settings = settings with { Exceptions = ExceptionReader.Read(reader, entry, path) };
        if (!scopeValid) settings = settings with { Action = GuardrailAction.Audit, NamespaceSelector = null, ObjectSelector = null };

        if (policy.Id == GuardrailIds.AllowedRegistries && settings.Action != GuardrailAction.Disabled && settings.Registries.Count == 0)
            reader.Warning(GuardrailDiagnosticCodes.InvalidParameter, $"{policy.Id} has no registries, so it checks nothing; list the allowed registries", path, atKey: true);
        return settings;
    }

    private static List<string>? Values(ConfigReader reader, JsonElement entry, IReadOnlyList<object> path, string field, Func<string, string?> validate)
    {
        if (reader.StringList(entry, [.. path, field]) is not { } items) return null;
        var values = new List<string>();
        foreach (var (value, at) in items)
        {
            if (validate(value) is { } error) reader.Error(GuardrailDiagnosticCodes.InvalidParameter, error, at);
            else if (!values.Contains(value, StringComparer.Ordinal)) values.Add(value);
        }
        return values;
    }
}
