using System.Security.Cryptography.X509Certificates;

namespace Verity.Identity.Bundles;

/// <summary>
/// A trust domain's bundle (https://github.com/spiffe/spiffe/blob/main/standards/SPIFFE_Trust_Domain_and_Bundle.md):
/// the X.509 authorities (root CA certificates) that X.509-SVIDs of the trust domain chain to, its JWT-SVID keys, and the
/// SPIFFE bundle metadata — a sequence number that grows with every change and a refresh hint for federated consumers.
/// </summary>
public sealed record TrustBundle
{
    public required TrustDomain TrustDomain { get; init; }

    public IReadOnlyList<X509Certificate2> X509Authorities { get; init; } = [];

    public IReadOnlyList<JwtAuthority> JwtAuthorities { get; init; } = [];

    /// <summary><c>spiffe_sequence</c>: increases whenever the bundle's content changes (null: not given).</summary>
    public ulong? SequenceNumber { get; init; }

    /// <summary><c>spiffe_refresh_hint</c>: how often a federated peer should poll for this bundle (null: not given).</summary>
    public TimeSpan? RefreshHint { get; init; }

    /// <summary>The bundle as a SPIFFE bundle document (a JWK Set), indented.</summary>
    public string ToJwks() => SpiffeBundleJson.Write(this);

    /// <summary>The X.509 authorities as concatenated PEM certificates (what OpenSSL's <c>-CAfile</c> reads).</summary>
    public string ToPem() => X509.Pem.Certificates(X509Authorities);

    /// <summary>The X.509 authorities as concatenated DER certificates: the Workload API's <c>X509SVID.bundle</c> and federated bundle format.</summary>
    public byte[] X509AuthoritiesDer() => X509Authorities.SelectMany(c => c.RawData).ToArray();

    /// <summary>True when <paramref name="certificate"/> is one of the X.509 authorities (compared by DER bytes).</summary>
    public bool ContainsAuthority(X509Certificate2 certificate) =>
        X509Authorities.Any(a => a.RawData.AsSpan().SequenceEqual(certificate.RawData));
}
