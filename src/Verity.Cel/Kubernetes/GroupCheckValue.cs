using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>CEL <c>kubernetes.authorization.GroupCheck</c>.</summary>
internal sealed record GroupCheckValue(AuthorizerValue Authorizer, string Group) : ICelOpaqueValue
{
    public string TypeName => KubernetesTypes.GroupCheck;
}
