using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>The CEL value bound to <c>authorizer</c>: an authorizer, or the reason none is available.</summary>
internal sealed record AuthorizerValue(ICelAuthorizer? Inner, string? UnavailableReason) : ICelOpaqueValue
{
    public string TypeName => KubernetesTypes.Authorizer;
}
