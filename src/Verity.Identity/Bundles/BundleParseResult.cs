using System.Diagnostics.CodeAnalysis;

namespace Verity.Identity.Bundles;

/// <summary>A parsed bundle, or every problem found. Problems with single keys are reported and the key skipped; the rest still loads.</summary>
public sealed record BundleParseResult
{
    public TrustBundle? Bundle { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Things ignored as the standard asks (keys with a missing or unknown <c>use</c>, an empty key set); the bundle still loads.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    [MemberNotNullWhen(true, nameof(Bundle))]
    public bool Succeeded => Bundle is not null && Errors.Count == 0;
}
