using System.Text.Json;

namespace Verity.Rbac.Compilation;

/// <summary>Reads the few field shapes RBAC objects use (strings, string lists) from a raw object, without throwing.</summary>
internal static class RbacJson
{
    /// <summary>The property, or null when absent or JSON null (the API server treats both as unset).</summary>
    public static JsonElement? Field(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    /// <summary>A string field: absent gives "", a non-string gives null (a wrong type).</summary>
    public static string? String(JsonElement obj, string name) => Field(obj, name) switch
    {
        null => "",
        { ValueKind: JsonValueKind.String } v => v.GetString()!,
        _ => null,
    };

    /// <summary>A list of strings: absent gives [], anything else than an array of strings gives null.</summary>
    public static IReadOnlyList<string>? Strings(JsonElement obj, string name)
    {
        if (Field(obj, name) is not { } v) return [];
        if (v.ValueKind != JsonValueKind.Array) return null;
        var list = new List<string>(v.GetArrayLength());
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) return null;
            list.Add(item.GetString()!);
        }
        return list.AsReadOnly();
    }
}
