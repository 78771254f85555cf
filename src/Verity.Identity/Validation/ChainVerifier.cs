using System.Security.Cryptography.X509Certificates;

namespace Verity.Identity.Validation;

/// <summary>
/// RFC 5280 path validation of a leaf against a bundle's authorities only (custom root trust: the system store is never
/// consulted), with the chain's other certificates as candidate intermediates, at the injected time, without network
/// fetches or revocation checks (SPIFFE has no revocation; short lifetimes stand in for it).
/// </summary>
internal static class ChainVerifier
{
    public static (bool Verified, string Message) Verify(IReadOnlyList<X509Certificate2> certificates, IReadOnlyList<X509Certificate2> authorities, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(certificates.Skip(1).ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        if (chain.Build(certificates[0])) return (true, Validation.SvidRules.Verified(chain.ChainElements.Count));
        var reasons = chain.ChainStatus.Select(s => $"{s.Status}: {s.StatusInformation.Trim()}").Distinct().ToList();
        return (false, Validation.SvidRules.NotVerified(reasons.Count == 0 ? "unknown" : string.Join("; ", reasons)));
    }
}
