using System.Text.Json;

namespace Verity.Admission.Vap;

/// <summary>
/// What a policy evaluation reads besides the request: Namespaces (their labels for <c>namespaceSelector</c>, the object
/// as <c>namespaceObject</c>) and parameter objects for <c>paramRef</c>. Offline: the input manifests; in the webhook:
/// the watched namespaces and the params files.
/// </summary>
public interface IVapInputs
{
    /// <summary>The labels of a namespace, or null when it is not known.</summary>
    IReadOnlyDictionary<string, string>? NamespaceLabels(string name);

    /// <summary>The Namespace object, or null when it is not known.</summary>
    JsonElement? NamespaceObject(string name);

    /// <summary>
    /// The objects of <paramref name="apiVersion"/> and <paramref name="kind"/> (a policy's <c>paramKind</c>) in
    /// <paramref name="namespace"/> (null: cluster-scoped ones); whether the kind is namespaced is told by
    /// <see cref="IsNamespaced"/>.
    /// </summary>
    IReadOnlyList<JsonElement> Objects(string apiVersion, string kind, string? @namespace);

    /// <summary>Whether objects of this kind are namespaced (null: unknown, no such objects among the inputs).</summary>
    bool? IsNamespaced(string apiVersion, string kind);

    /// <summary>
    /// The authorizer for <c>authorizer</c> checks on behalf of <paramref name="user"/>, or null with the reason it is not
    /// available (CEL checks then fail with <c>authorizer is not available: reason</c>).
    /// </summary>
    (Verity.Cel.Kubernetes.ICelAuthorizer? Authorizer, string Reason) AuthorizerFor(VapUserInfo user) =>
        (null, "no RBAC objects to check against");
}
