using System.Diagnostics.CodeAnalysis;

namespace Verity.Identity.X509;

/// <summary>A loaded upstream CA, or every reason it is unusable (never both).</summary>
public sealed record UpstreamResult
{
    public UpstreamAuthority? Authority { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];

    [MemberNotNullWhen(true, nameof(Authority))]
    public bool Succeeded => Authority is not null;
}
