using System.Text.Json;
using k8s;
using k8s.Models;
using Verity.Core.Model;

namespace Verity.Admission.Guardrails;

/// <summary>
/// One object as the checks read it: the object itself, and its pod spec (Pods and workloads), its Service spec
/// (Services) or nothing else (Namespaces and other kinds). A pod spec or Service that cannot be read as its API type
/// leaves the view null and records why in <see cref="Errors"/>: such an object could not be evaluated, which is not a
/// violation.
/// </summary>
internal sealed record GuardrailSubject(KubeObject Object, PodSpecSite? Pod, V1Service? Service, IReadOnlyList<string> Errors)
{
    public bool IsNamespace => Object.Ref.Group == "" && Object.Kind == "Namespace";

    /// <summary>True for a Pod or a workload kind, whether or not its pod spec could be read.</summary>
    public bool HoldsPods => PodSpecSite.PathFor(Object.Ref.Group, Object.Kind) is not null;

    public bool IsService => Object.Ref.Group == "" && Object.Kind == "Service";

    /// <summary>The view of <paramref name="obj"/>; <paramref name="podSpec"/> is its pod spec when the caller has read it already.</summary>
    public static GuardrailSubject From(KubeObject obj, V1PodSpec? podSpec = null)
    {
        var errors = new List<string>();
        PodSpecSite? pod = null;
        V1Service? service = null;
        if (PodSpecSite.PathFor(obj.Ref.Group, obj.Kind) is { } path)
        {
            if (ValueAt(obj.Raw, path) is not { ValueKind: JsonValueKind.Object } element)
                errors.Add($"{obj.Kind} \"{obj.Name}\" has no pod spec at {FieldPath.Format(path)}");
            else if ((podSpec ?? Read<V1PodSpec>(element, FieldPath.Format(path), errors)) is { } spec)
                pod = PodSpecSite.Of(spec, path);
        }
        else if (obj.Ref.Group == "" && obj.Kind == "Service")
        {
            service = Read<V1Service>(obj.Raw, "", errors);
        }
        return new GuardrailSubject(obj, pod, service, errors);
    }

    private static T? Read<T>(JsonElement element, string at, List<string> errors) where T : class
    {
        try
        {
            return KubernetesJson.Deserialize<T>(element);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or FormatException or InvalidOperationException or OverflowException or ArgumentException)
        {
            var where = e is JsonException { Path: { } p } ? FieldPath.Format([.. PrefixOf(at), .. FieldPath.ParseJsonPath(p)]) : at;
            errors.Add(where.Length > 0
                ? $"field \"{where}\" has the wrong type, so the {typeof(T).Name} cannot be read"
                : $"the object cannot be read as {typeof(T).Name}");
            return null;
        }
    }

    private static IReadOnlyList<object> PrefixOf(string at) => at.Length == 0 ? [] : at.Split('.');

    private static JsonElement? ValueAt(JsonElement root, IReadOnlyList<object> path)
    {
        var current = root;
        foreach (var segment in path)
        {
            if (segment is string key && current.ValueKind == JsonValueKind.Object && current.TryGetProperty(key, out var child)) current = child;
            else return null;
        }
        return current;
    }
}
