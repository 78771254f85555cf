namespace Verity.Identity.Rotation;

/// <summary>A transition <see cref="X509CaRotator.Tick"/> made.</summary>
public enum CaRotationStep
{
    /// <summary>The next CA was minted and published in the bundle.</summary>
    Prepared,

    /// <summary>The prepared CA became active; the previous one was retired.</summary>
    Activated,

    /// <summary>An expired retired CA was removed from the bundle.</summary>
    Dropped,

    /// <summary>Minting the next CA failed (e.g. the upstream CA expired); retried on the next tick.</summary>
    PrepareFailed,
}
