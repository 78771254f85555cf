using System.Text.Json;
using Verity.Core.Model;

namespace Verity.Admission.Guardrails.Config;

/// <summary>
/// Reads fields of one PolicyConfig object and reports every problem with its field path and source position (keys
/// for problems about a key, values otherwise). Never throws on bad input; each reader returns null when the field
/// is unusable, after reporting why.
/// </summary>
internal sealed class ConfigReader(KubeObject obj, YamlKeyLocator keys, List<Diagnostic> diagnostics)
{
    public int ErrorCount => diagnostics.Count(d => d.Level == DiagnosticLevel.Error);

    public SourceLocation At(IReadOnlyList<object> path) => obj.LocationOf(path);

    public SourceLocation AtKey(IReadOnlyList<object> path) => keys.LocateKey(path) ?? obj.LocationOf(path);

    public void Error(string code, string message, IReadOnlyList<object> path, bool atKey = false) =>
        Report(DiagnosticLevel.Error, code, message, path, atKey);

    public void Warning(string code, string message, IReadOnlyList<object> path, bool atKey = false) =>
        Report(DiagnosticLevel.Warning, code, message, path, atKey);

    private void Report(DiagnosticLevel level, string code, string message, IReadOnlyList<object> path, bool atKey)
    {
        var field = FieldPath.Format(path);
        diagnostics.Add(new Diagnostic(level, code, $"{field}: {message}", atKey ? AtKey(path) : At(path), field));
    }

    /// <summary>A mapping, or null (absent or null is silently null; another type is reported).</summary>
    public JsonElement? Mapping(JsonElement parent, IReadOnlyList<object> path)
    {
        if (Child(parent, path) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.Object) return value;
        WrongType(path, value, "a mapping");
        return null;
    }

    /// <summary>A non-empty string, or null (absent, null or empty is silently null; another type is reported).</summary>
    public string? String(JsonElement parent, IReadOnlyList<object> path)
    {
        if (Child(parent, path) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString() is { Length: > 0 } s ? s : null;
        WrongType(path, value, "a string");
        return null;
    }

    /// <summary>A list of strings; a non-string item is reported and left out; null when absent.</summary>
    public IReadOnlyList<(string Value, IReadOnlyList<object> Path)>? StringList(JsonElement parent, IReadOnlyList<object> path)
    {
        if (Child(parent, path) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.Array)
        {
            WrongType(path, value, "a list of strings");
            return null;
        }
        var items = new List<(string, IReadOnlyList<object>)>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            IReadOnlyList<object> itemPath = [.. path, i++];
            if (item.ValueKind == JsonValueKind.String) items.Add((item.GetString()!, itemPath));
            else WrongType(itemPath, item, "a string");
        }
        return items;
    }

    /// <summary>Reports every key of <paramref name="mapping"/> not in <paramref name="known"/>.</summary>
    public void UnknownFields(JsonElement mapping, IReadOnlyList<object> path, IReadOnlyCollection<string> known, string what)
    {
        foreach (var property in mapping.EnumerateObject())
        {
            if (known.Contains(property.Name)) continue;
            Error(GuardrailDiagnosticCodes.UnknownField,
                $"unknown field \"{property.Name}\" in {what} (known: {string.Join(", ", known)})", [.. path, property.Name], atKey: true);
        }
    }

    public void WrongType(IReadOnlyList<object> path, JsonElement value, string expected) =>
        Error(GuardrailDiagnosticCodes.WrongType, $"must be {expected}, found {Describe(value.ValueKind)}", path);

    private static JsonElement? Child(JsonElement parent, IReadOnlyList<object> path) =>
        parent.TryGetProperty((string)path[^1], out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "a mapping",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
