using System.Text.Json;
using k8s;
using Verity.Core.Loading;
using Verity.Core.Model;

namespace Verity.Core.Snapshots;

/// <summary>
/// Materialises a loaded object as a <c>k8s.Models</c> type. A field of the wrong type (a string where
/// an integer belongs, a list where a mapping belongs) becomes a diagnostic that names the field and
/// its line and column; the object then has no typed view (it stays in the snapshot as a generic object).
/// </summary>
internal static class TypedViews
{
    public static T? TryRead<T>(KubeObject obj, List<Diagnostic> diagnostics) where T : class
    {
        try
        {
            return KubernetesJson.Deserialize<T>(obj.Raw);
        }
        catch (Exception e) when (e is JsonException || e is NotSupportedException && PathFromMessage(e.Message) is not null)
        {
            var path = FieldPath.ParseJsonPath(e is JsonException json ? json.Path : PathFromMessage(e.Message));
            var found = ValueAt(obj.Raw, path) is { } value ? JsonKinds.Describe(value.ValueKind) : "a value it cannot read";
            var field = FieldPath.Format(path);
            diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, DiagnosticCodes.WrongType,
                $"{obj.Kind} \"{obj.Name}\": field \"{field}\" must be {Expected(e.Message)}, found {found}",
                obj.LocationOf(path), field));
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException or ArgumentException)
        {
            diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, DiagnosticCodes.WrongType,
                $"{obj.Kind} \"{obj.Name}\": cannot be read as {typeof(T).Name}: {e.Message}", obj.Source));
        }
        return null;
    }

    /// <summary>Turns "could not be converted to System.Nullable`1[System.Int32]. Path: …" into "an integer".</summary>
    private static string Expected(string message)
    {
        const string marker = "converted to ";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        var type = at < 0 ? message : message[(at + marker.Length)..];
        var end = type.IndexOf(". Path:", StringComparison.Ordinal);
        if (end >= 0) type = type[..end];
        if (type.Contains("IntOrString")) return "an integer or a string";
        if (type.Contains("ResourceQuantity")) return "a quantity such as \"500m\" or \"1Gi\"";
        if (type.Contains("Dictionary")) return "a mapping";
        if (type.Contains("List")) return "a list";
        if (type.Contains("Int32") || type.Contains("Int64")) return "an integer";
        if (type.Contains("Boolean")) return "a boolean";
        if (type.Contains("Double")) return "a number";
        if (type.Contains("System.String")) return "a string";
        if (type.Contains("DateTime")) return "a timestamp";
        return "a mapping";
    }

    /// <summary>NotSupportedException carries the path only in its message ("… Path: $.spec.x | LineNumber: …").</summary>
    private static string? PathFromMessage(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (at < 0) return null;
        var path = message[(at + 7)..];
        var end = path.IndexOf(" |", StringComparison.Ordinal);
        return end >= 0 ? path[..end] : path;
    }

    private static JsonElement? ValueAt(JsonElement root, IReadOnlyList<object> path)
    {
        var current = root;
        foreach (var segment in path)
        {
            if (segment is string key && current.ValueKind == JsonValueKind.Object && current.TryGetProperty(key, out var child)) current = child;
            else if (segment is int i && current.ValueKind == JsonValueKind.Array && i < current.GetArrayLength()) current = current[i];
            else return null;
        }
        return current;
    }
}
