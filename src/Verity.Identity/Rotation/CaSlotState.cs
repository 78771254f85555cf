namespace Verity.Identity.Rotation;

/// <summary>Where a CA is in its rotation life. All three are published in the bundle; only <see cref="Active"/> signs.</summary>
public enum CaSlotState
{
    /// <summary>Minted at half the active CA's life and already in the bundle, so peers trust it before it signs anything.</summary>
    Prepared,

    /// <summary>Signs every new SVID.</summary>
    Active,

    /// <summary>Replaced; stays in the bundle until it expires, because leaves it signed are still in use.</summary>
    Retired,
}
