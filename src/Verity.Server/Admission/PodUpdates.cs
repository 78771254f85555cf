using System.Text.Json;

namespace Verity.Server.Admission;

/// <summary>
/// Which updates Pod Security Admission leaves unjudged (upstream <c>admission/admission.go</c>), so existing objects that
/// predate a policy can still be relabelled, scaled or annotated:
/// <list type="bullet">
/// <item>a Pod update is judged only when it is significant (<c>isSignificantPodUpdate</c>): the number of containers or
/// init containers changes, an image changes, an ephemeral container is added or changed, or a seccomp annotation changes
/// — the rest of a running pod's spec is immutable anyway;</item>
/// <item>a workload update is judged only when the pod template (metadata or spec) changes.</item>
/// </list>
/// </summary>
internal static class PodUpdates
{
    private const string PodSeccompAnnotation = "seccomp.security.alpha.kubernetes.io/pod";
    private const string ContainerSeccompAnnotationPrefix = "container.seccomp.security.alpha.kubernetes.io/";

    public static bool IsSignificantPodUpdate(JsonElement pod, JsonElement old)
    {
        if (Annotation(pod, PodSeccompAnnotation) != Annotation(old, PodSeccompAnnotation)) return true;
        foreach (var list in new[] { "containers", "initContainers" })
        {
            var now = Containers(pod, list);
            var before = Containers(old, list);
            if (now.Count != before.Count) return true;
            for (var i = 0; i < now.Count; i++)
                if (IsSignificantContainerUpdate(pod, now[i], old, before[i])) return true;
        }
        var previous = Containers(old, "ephemeralContainers");
        foreach (var container in Containers(pod, "ephemeralContainers"))
        {
            var name = Text(container, "name");
            var match = previous.FirstOrDefault(c => Text(c, "name") == name);
            if (match.ValueKind == JsonValueKind.Undefined || IsSignificantContainerUpdate(pod, container, old, match)) return true;
        }
        return false;
    }

    public static bool IsTemplateUnchanged(JsonElement workload, JsonElement old, IReadOnlyList<string> templatePath)
    {
        var now = JsonPaths.Find(workload, templatePath);
        var before = JsonPaths.Find(old, templatePath);
        return Same(now, before, "metadata") && Same(now, before, "spec");
    }

    private static bool Same(JsonElement? a, JsonElement? b, string property)
    {
        var x = a is { } ea ? JsonPaths.Find(ea, [property]) : null;
        var y = b is { } eb ? JsonPaths.Find(eb, [property]) : null;
        return x is null || y is null ? x is null && y is null : JsonElement.DeepEquals(x.Value, y.Value);
    }

    private static bool IsSignificantContainerUpdate(JsonElement pod, JsonElement container, JsonElement old, JsonElement oldContainer)
    {
        if (Text(container, "image") != Text(oldContainer, "image")) return true;
        var key = ContainerSeccompAnnotationPrefix + Text(container, "name");
        return Annotation(pod, key) != Annotation(old, key);
    }

    private static List<JsonElement> Containers(JsonElement pod, string list) =>
        JsonPaths.Find(pod, ["spec", list]) is { ValueKind: JsonValueKind.Array } array ? [.. array.EnumerateArray()] : [];

    private static string? Annotation(JsonElement pod, string key) =>
        JsonPaths.Find(pod, ["metadata", "annotations", key]) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && JsonPaths.Find(element, [property]) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
