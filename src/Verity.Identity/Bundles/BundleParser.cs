using Verity.Identity.X509;

namespace Verity.Identity.Bundles;

/// <summary>
/// Reads a trust domain's bundle in either form SPIFFE tools exchange: a SPIFFE bundle document (JWK Set, recognised by a
/// leading <c>{</c>) or PEM certificates. The trust domain is not in the document itself (SPIFFE_Trust_Domain_and_Bundle.md
/// 4.1), so the caller names it.
/// </summary>
public static class BundleParser
{
    public static BundleParseResult Parse(TrustDomain trustDomain, string text)
    {
        if (text.TrimStart().StartsWith('{')) return SpiffeBundleJson.Read(trustDomain, text);
        if (!Pem.TryReadCertificates(text, out var certificates, out var error)) return new BundleParseResult { Errors = [error!] };
        return new BundleParseResult { Bundle = new TrustBundle { TrustDomain = trustDomain, X509Authorities = certificates } };
    }
}
