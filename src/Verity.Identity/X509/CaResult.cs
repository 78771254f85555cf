using System.Diagnostics.CodeAnalysis;

namespace Verity.Identity.X509;

/// <summary>A CA, or every reason it could not be made or loaded (never both).</summary>
public sealed record CaResult
{
    public X509Authority? Authority { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];

    [MemberNotNullWhen(true, nameof(Authority))]
    public bool Succeeded => Authority is not null;

    internal static CaResult Fail(params IReadOnlyList<string> errors) => new() { Errors = errors };
}
