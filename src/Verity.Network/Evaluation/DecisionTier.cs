namespace Verity.Network.Evaluation;

/// <summary>The tier that decided a direction.</summary>
public enum DecisionTier
{
    /// <summary>The endpoint is not subject to policy (external address, host-network pod, or the pod itself).</summary>
    NotApplicable,
    Admin,
    NetworkPolicy,
    Baseline,
    /// <summary>No tier decided: Kubernetes allows by default.</summary>
    Default,
}
