using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>CEL <c>kubernetes.authorization.Decision</c>.</summary>
internal sealed record DecisionValue(CelAuthorizerDecision Decision) : ICelOpaqueValue
{
    public string TypeName => KubernetesTypes.Decision;
}
