using System.Text.Json;
using Verity.Core.Model;

namespace Verity.Admission.Vap;

/// <summary>
/// <see cref="IVapInputs"/> over a set of objects (the manifests of <c>admission test</c> and <c>scan</c>, or the params
/// files of the webhook): Namespace objects give <c>namespaceObject</c> and labels; any object can be a param. Namespaces
/// not among the objects get their labels from <paramref name="namespaceLabels"/> (e.g. the snapshot's implied namespaces,
/// labelled <c>kubernetes.io/metadata.name</c>, or the webhook's watched labels).
/// </summary>
public sealed class VapObjectInputs(
    IEnumerable<KubeObject> objects,
    Func<string, IReadOnlyDictionary<string, string>?>? namespaceLabels = null,
    Verity.Rbac.Model.RbacModel? rbac = null) : IVapInputs
{
    /// <summary>Checks run against <paramref name="rbac"/> (the inputs' RBAC objects) when given.</summary>
    public (Verity.Cel.Kubernetes.ICelAuthorizer? Authorizer, string Reason) AuthorizerFor(VapUserInfo user) => rbac is null
        ? (null, "no RBAC objects to check against (authorization checks use the RBAC objects among the inputs)")
        : (new RbacCelAuthorizer(rbac, user), "");

    /// <summary>
    /// The inputs of a snapshot: its objects, its namespaces' labels (implied namespaces included) and, when it holds RBAC
    /// objects, its RBAC model for <c>authorizer</c> checks.
    /// </summary>
    public static VapObjectInputs FromSnapshot(Verity.Core.Snapshots.Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var hasRbac = snapshot.Objects.Any(o => o.Ref.Group == "rbac.authorization.k8s.io");
        return new VapObjectInputs(snapshot.Objects, ns => snapshot.Namespace(ns)?.Labels, hasRbac ? Verity.Rbac.Model.RbacModel.FromSnapshot(snapshot) : null);
    }

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
