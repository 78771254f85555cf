using System.Diagnostics.CodeAnalysis;

namespace Verity.Identity.X509;

/// <summary>
/// The outcome of <see cref="SvidIssuer.Issue"/>: an SVID, or why none was signed. <see cref="Clamped"/> says the requested
/// lifetime would have outlived the CA, so NotAfter was cut to the CA's NotAfter (a leaf never outlives its CA).
/// </summary>
public sealed record SvidIssuance
{
    public X509Svid? Svid { get; init; }

    public string? Error { get; init; }

    public bool Clamped { get; init; }

    [MemberNotNullWhen(true, nameof(Svid))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Svid is not null;
}
