namespace Verity.Network.Policies;

/// <summary>Cluster policy tiers, evaluated Admin → (NetworkPolicy) → Baseline → default allow.</summary>
public enum ClusterTier
{
    Admin,
    Baseline,
}
