using System.Diagnostics.CodeAnalysis;
using Verity.Identity;

namespace Verity.Server.WorkloadApi.Jwt;

/// <summary>A validated JWT-SVID (its SPIFFE ID and claims as JSON), or why it is not valid.</summary>
internal sealed record JwtSvidValidation
{
    public SpiffeId? SpiffeId { get; init; }

    /// <summary>The token's claims, as the JSON text of its payload.</summary>
    public string? ClaimsJson { get; init; }

    public string? Error { get; init; }

    [MemberNotNullWhen(true, nameof(SpiffeId), nameof(ClaimsJson))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null && SpiffeId is not null && ClaimsJson is not null;
}
