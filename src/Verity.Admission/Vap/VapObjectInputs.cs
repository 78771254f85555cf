using System.Text.Json;
using Verity.Core.Model;

namespace Verity.Admission.Vap;

/// <summary>
/// <see cref="IVapInputs"/> over a set of objects (the manifests of <c>admission test</c> and <c>scan</c>, or the params
/// files of the webhook): Namespace objects give <c>namespaceObject</c> and labels; any object can be a param. Namespaces
/// not among the objects get their labels from <paramref name="namespaceLabels"/> (e.g. the snapshot's implied namespaces,
/// labelled <c>kubernetes.io/metadata.name</c>, or the webhook's watched labels).
/// </summary>
public sealed class VapObjectInputs(IEnumerable<KubeObject> objects, Func<string, IReadOnlyDictionary<string, string>?>? namespaceLabels = null) : IVapInputs
{
    private readonly ILookup<(string ApiVersion, string Kind), KubeObject> _byKind = objects.ToLookup(o => (o.Ref.ApiVersion, o.Kind));

    public IReadOnlyDictionary<string, string>? NamespaceLabels(string name) =>
        Namespace(name) is { } ns ? WithName(ns.Labels, name) : namespaceLabels?.Invoke(name);

    /// <summary>The Namespace object among the objects, else one made of its known labels (name and labels only), else null.</summary>
    public JsonElement? NamespaceObject(string name)
    {
        if (Namespace(name) is { } ns) return ns.Raw;
        if (namespaceLabels?.Invoke(name) is not { } labels) return null;
        var metadata = new System.Text.Json.Nodes.JsonObject { ["name"] = name, ["labels"] = new System.Text.Json.Nodes.JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (System.Text.Json.Nodes.JsonNode?)l.Value))) };
        return JsonSerializer.SerializeToElement(new System.Text.Json.Nodes.JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = metadata });
    }

    public IReadOnlyList<JsonElement> Objects(string apiVersion, string kind, string? @namespace) =>
        [.. _byKind[(apiVersion, kind)].Where(o => @namespace is null ? o.Namespace is null : o.Namespace == @namespace).Select(o => o.Raw)];

    public bool? IsNamespaced(string apiVersion, string kind)
    {
        var first = _byKind[(apiVersion, kind)].FirstOrDefault();
        return first is null ? null : first.Namespace is not null;
    }

    private KubeObject? Namespace(string name) => _byKind[("v1", "Namespace")].FirstOrDefault(o => o.Name == name);

    /// <summary>The API server labels every namespace with its name (<c>kubernetes.io/metadata.name</c>, Kubernetes ≥ 1.21).</summary>
    private static IReadOnlyDictionary<string, string> WithName(IReadOnlyDictionary<string, string> labels, string name)
    {
        if (labels.ContainsKey("kubernetes.io/metadata.name")) return labels;
        return new Dictionary<string, string>(labels, StringComparer.Ordinal) { ["kubernetes.io/metadata.name"] = name };
    }
}
