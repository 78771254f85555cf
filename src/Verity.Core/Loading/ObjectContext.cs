using System.Text.Json;
using Verity.Core.Model;

namespace Verity.Core.Loading;

/// <summary>Reports envelope problems of one object with field paths and source positions.</summary>
internal sealed class ObjectContext(RawDocument document, object[] prefix, SourceLocation? itemLocation, List<Diagnostic> diagnostics,
    ISourceLocator? ownLocator = null)
{
    public int ErrorCount { get; private set; }

    public SourceLocation Location => itemLocation ?? document.Location;

    public ISourceLocator? Locator => ownLocator ?? document.Locator switch
    {
        YamlSourceLocator yaml when prefix.Length > 0 => yaml.WithPrefix(prefix),
        JsonSourceLocator json when prefix.Length > 0 => json.WithPrefix(prefix),
        var other => other,
    };

    public string? RequiredString(JsonElement obj, string field)
    {
        if (!obj.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null
            || value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0)
        {
            Missing([field]);
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            WrongType([field], value, "a string");
            return null;
        }
        return value.GetString();
    }

    public string? OptionalString(JsonElement metadata, object[] path)
    {
        if (!metadata.TryGetProperty((string)path[^1], out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        WrongType(path, value, "a string");
        return null;
    }

    /// <summary>labels and annotations: a mapping of strings to strings (ObjectMeta: map[string]string).</summary>
    public IReadOnlyDictionary<string, string> StringMap(JsonElement metadata, string field)
    {
        if (!metadata.TryGetProperty(field, out var map) || map.ValueKind == JsonValueKind.Null) return KubeObject.EmptyLabels;
        if (map.ValueKind != JsonValueKind.Object)
        {
            WrongType(["metadata", field], map, "a mapping of strings");
            return KubeObject.EmptyLabels;
        }
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in map.EnumerateObject())
        {
            if (entry.Value.ValueKind == JsonValueKind.String) result[entry.Name] = entry.Value.GetString()!;
            else WrongType(["metadata", field, entry.Name], entry.Value, "a string", quoteHint: true);
        }
        return result;
    }

    public IReadOnlyList<OwnerReference> Owners(JsonElement metadata)
    {
        if (!metadata.TryGetProperty("ownerReferences", out var list) || list.ValueKind == JsonValueKind.Null) return [];
        if (list.ValueKind != JsonValueKind.Array)
        {
            WrongType(["metadata", "ownerReferences"], list, "a list");
            return [];
        }
        var owners = new List<OwnerReference>();
        var i = 0;
        foreach (var owner in list.EnumerateArray())
        {
            object[] at = ["metadata", "ownerReferences", i++];
            if (owner.ValueKind != JsonValueKind.Object)
            {
                WrongType(at, owner, "a mapping");
                continue;
            }
            var apiVersion = OptionalString(owner, [.. at, "apiVersion"]);
            var kind = OptionalString(owner, [.. at, "kind"]);
            var name = OptionalString(owner, [.. at, "name"]);
            var uid = OptionalString(owner, [.. at, "uid"]);
            var controller = owner.TryGetProperty("controller", out var c) && c.ValueKind == JsonValueKind.True;
            if (owner.TryGetProperty("controller", out c) && c.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
                WrongType([.. at, "controller"], c, "a boolean");
            if (kind is null || name is null) Missing([.. at, kind is null ? "kind" : "name"]);
            else owners.Add(new OwnerReference(apiVersion ?? "", kind, name, uid, controller));
        }
        return owners;
    }

    public void Missing(object[] path)
    {
        ErrorCount++;
        var field = FieldPath.Format(path);
        var located = Locator?.Locate(path) ?? Location;
        diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, DiagnosticCodes.MissingField,
            $"missing required field \"{field}\"", Keep(located), field));
    }

    public void WrongType(object[] path, JsonElement value, string expected, bool quoteHint = false)
    {
        ErrorCount++;
        var field = FieldPath.Format(path);
        var hint = !quoteHint ? ""
            : value.ValueKind is JsonValueKind.Number ? $" (quote it: \"{value.GetRawText()}\")"
            : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? " (YAML reads unquoted true/false/yes/no/on/off as booleans: quote the value)"
            : "";
        diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, DiagnosticCodes.WrongType,
            $"field \"{field}\" must be {expected}, found {JsonKinds.Describe(value.ValueKind)}{hint}",
            Keep(Locator?.Locate(path) ?? Location), field));
    }

    /// <summary>Keeps the list index of the object on a located field.</summary>
    private SourceLocation Keep(SourceLocation located) => located with { ListIndex = Location.ListIndex };
}
