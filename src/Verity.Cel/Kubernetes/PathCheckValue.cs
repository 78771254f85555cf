using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>CEL <c>kubernetes.authorization.PathCheck</c>.</summary>
internal sealed record PathCheckValue(AuthorizerValue Authorizer, string Path) : ICelOpaqueValue
{
    public string TypeName => KubernetesTypes.PathCheck;
}
