namespace Verity.Identity.X509;

/// <summary>
/// How a Verity certificate authority is made: its trust domain, its own lifetime and the default lifetime of the
/// X.509-SVIDs it signs. <see cref="Validate"/> lists every broken rule; the CA factory refuses options that break one.
/// </summary>
public sealed record CaOptions
{
    /// <summary>The default CA lifetime, 24 hours (SPIRE's default <c>ca_ttl</c>).</summary>
    public static readonly TimeSpan DefaultCaTtl = TimeSpan.FromHours(24);

    /// <summary>The default X.509-SVID lifetime, 1 hour (SPIRE's default <c>default_x509_svid_ttl</c>).</summary>
    public static readonly TimeSpan DefaultLeafTtl = TimeSpan.FromHours(1);

    /// <summary>
    /// The CA must live at least this many leaf lifetimes (SPIRE warns under the same ratio): rotation prepares the next CA
    /// at 1/2 of the life and activates it at 5/6, so the last 1/6 — at least one leaf TTL — lets the old CA's leaves expire.
    /// </summary>
    public const int MinCaToLeafRatio = 6;

    public required TrustDomain TrustDomain { get; init; }

    public TimeSpan CaTtl { get; init; } = DefaultCaTtl;

    public TimeSpan LeafTtl { get; init; } = DefaultLeafTtl;

    /// <summary>
    /// Add a critical name-constraints extension to the CA permitting only URIs in the trust domain
    /// (https://github.com/spiffe/spiffe/blob/main/standards/X509-SVID.md#42-name-constraints), so the CA cannot vouch
    /// for another trust domain.
    /// </summary>
    public bool NameConstraints { get; init; } = true;

    /// <summary>Every rule these options break (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (TrustDomain.IsEmpty) errors.Add(IdentityErrors.MissingTrustDomain);
        if (CaTtl <= TimeSpan.Zero) errors.Add(IdentityErrors.NonPositiveTtl("CA TTL", CaTtl));
        if (LeafTtl <= TimeSpan.Zero) errors.Add(IdentityErrors.NonPositiveTtl("leaf TTL", LeafTtl));
        if (errors.Count == 0 && CaTtl < LeafTtl * MinCaToLeafRatio) errors.Add(IdentityErrors.CaTtlTooShort(CaTtl, LeafTtl));
        return errors;
    }
}
