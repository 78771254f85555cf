using System.Diagnostics.CodeAnalysis;
using Verity.Identity.X509;

namespace Verity.Identity.Store;

/// <summary>A CA read from a CA directory with the options it was made with, or every reason it could not be read.</summary>
public sealed record StoredCa
{
    public X509Authority? Authority { get; init; }

    public CaOptions? Options { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];

    [MemberNotNullWhen(true, nameof(Authority), nameof(Options))]
    public bool Succeeded => Authority is not null && Options is not null;
}
