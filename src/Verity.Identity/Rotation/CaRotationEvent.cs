namespace Verity.Identity.Rotation;

/// <summary>One rotation transition: what happened, when (by the injected clock), to which CA (serial number, hex), and why it failed if it did.</summary>
public sealed record CaRotationEvent(CaRotationStep Step, DateTimeOffset At, string? SerialNumber, string? Error = null);
