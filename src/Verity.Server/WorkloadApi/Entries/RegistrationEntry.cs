using Verity.Identity;

namespace Verity.Server.WorkloadApi.Entries;

/// <summary>
/// Who gets which identity: a caller whose selectors include ALL of <see cref="Selectors"/> is issued
/// <see cref="SpiffeId"/> (SPIRE's registration entry, reduced to what a single-node Workload API needs).
/// </summary>
public sealed record RegistrationEntry
{
    public required SpiffeId SpiffeId { get; init; }

    public required IReadOnlyList<Selector> Selectors { get; init; }

    /// <summary>Optional operator hint passed to the workload in <c>X509SVID.hint</c> / <c>JWTSVID.hint</c>.</summary>
    public string Hint { get; init; } = "";

    /// <summary>Line of the entry in its file (0 when not from a file).</summary>
    public int Line { get; init; }
}
