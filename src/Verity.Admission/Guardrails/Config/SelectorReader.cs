using System.Text.Json;
using k8s;
using k8s.Models;
using Verity.Core.Model;
using Verity.Core.Selectors;

namespace Verity.Admission.Guardrails.Config;

/// <summary>
/// Reads a <c>namespaceSelector</c> or <c>objectSelector</c> in Kubernetes <c>metav1.LabelSelector</c> form
/// (<c>matchLabels</c>, <c>matchExpressions</c>) with apimachinery's semantics (<see cref="LabelSelector.FromApi"/>):
/// <c>{}</c> selects everything. Every problem is reported at the field it is about.
/// </summary>
internal static class SelectorReader
{
    private static readonly string[] Known = ["matchLabels", "matchExpressions"];

    /// <summary>The selector; null when absent; <paramref name="valid"/> false when present but unusable.</summary>
    public static LabelSelector? Read(ConfigReader reader, JsonElement parent, IReadOnlyList<object> path, out bool valid)
    {
        valid = true;
        if (reader.Mapping(parent, path) is not { } mapping)
        {
            valid = !parent.TryGetProperty((string)path[^1], out var present) || present.ValueKind == JsonValueKind.Null;
            return null;
        }
        var errors = reader.ErrorCount;
        reader.UnknownFields(mapping, path, Known, "a label selector");
        V1LabelSelector? api;
        try
        {
            api = KubernetesJson.Deserialize<V1LabelSelector>(mapping);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            var at = e is JsonException { Path: { } p } ? FieldPath.ParseJsonPath(p) : [];
            reader.Error(GuardrailDiagnosticCodes.InvalidSelector, "not a label selector: a field has the wrong type", [.. path, .. at]);
            valid = false;
            return null;
        }
        var result = LabelSelector.FromApi(api);
        foreach (var error in result.Errors)
        {
            // Errors start with the field they are about ("matchExpressions[1].operator: …"); point there.
            // The field is named once: in the diagnostic's path when it parses whole, else in the text.
            var colon = error.IndexOf(": ", StringComparison.Ordinal);
            var at = colon > 0 ? FieldPath.ParseJsonPath("$." + error[..colon]) : [];
            var text = colon > 0 && FieldPath.Format(at) == error[..colon] ? error[(colon + 2)..] : error;
            reader.Error(GuardrailDiagnosticCodes.InvalidSelector, $"invalid label selector: {text}", [.. path, .. at]);
        }
        valid = result.Succeeded && reader.ErrorCount == errors;
        return valid ? result.Selector : null;
    }
}
