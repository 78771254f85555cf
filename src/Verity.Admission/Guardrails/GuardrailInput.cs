using k8s.Models;
using Verity.Core.Model;

namespace Verity.Admission.Guardrails;

/// <summary>
/// What the engine judges: one object, as an admission request carries it, and what is known of its namespace.
/// <see cref="NamespaceLabels"/> are the labels of the object's Namespace (a webhook reads them from an informer, an
/// offline run from the snapshot); null when unknown, in which case only <c>kubernetes.io/metadata.name</c> (which the
/// API server sets on every namespace) is assumed. For a Namespace object its own labels are used.
/// </summary>
public sealed record GuardrailInput(KubeObject Object, IReadOnlyDictionary<string, string>? NamespaceLabels = null)
{
    /// <summary>
    /// The object's pod spec already read as <see cref="V1PodSpec"/> by the caller (the webhook reads it once for Pod
    /// Security); null: the engine reads it from <see cref="KubeObject.Raw"/>. It must be the spec at the object's pod-spec path.
    /// </summary>
    public V1PodSpec? PodSpec { get; init; }
}
