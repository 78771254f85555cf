using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>CEL <c>kubernetes.authorization.ResourceCheck</c>; field/label selectors are recorded but not passed on (see AuthzLibrary).</summary>
internal sealed record ResourceCheckValue(
    AuthorizerValue Authorizer, string Group, string Resource, string Subresource, string Namespace, string Name, string FieldSelector, string LabelSelector)
    : ICelOpaqueValue
{
    public string TypeName => KubernetesTypes.ResourceCheck;
}
