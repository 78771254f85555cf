using System.Text.Json;

namespace Verity.Server.Admission;

/// <summary>Walks object properties of a JSON tree.</summary>
internal static class JsonPaths
{
    /// <summary>The element at <paramref name="path"/> (property names), or null when a step is missing, null or not an object.</summary>
    public static JsonElement? Find(JsonElement root, IReadOnlyList<string> path)
    {
        var current = root;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current) || current.ValueKind == JsonValueKind.Null)
                return null;
        }
        return current;
    }
}
