using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Verity.Identity.X509;

namespace Verity.Identity.Tests;

/// <summary>Test CAs: Verity roots, and plain "organisation" CAs (not SPIFFE) to act as upstreams.</summary>
internal static class TestPki
{
    public static readonly TrustDomain Td = TrustDomain.Parse("example.org");

    public static X509Authority Root(TimeProvider time, string td = "example.org", TimeSpan? caTtl = null, TimeSpan? leafTtl = null)
    {
        var result = CertificateAuthorities.CreateRoot(Options(td, caTtl, leafTtl), time);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Authority;
    }

    public static CaOptions Options(string td = "example.org", TimeSpan? caTtl = null, TimeSpan? leafTtl = null) => new()
    {
        TrustDomain = TrustDomain.Parse(td),
        CaTtl = caTtl ?? CaOptions.DefaultCaTtl,
        LeafTtl = leafTtl ?? CaOptions.DefaultLeafTtl,
    };

    /// <summary>A self-signed organisation CA (PEM cert, PEM key), RSA or EC, valid from <paramref name="notBefore"/> for <paramref name="life"/>.</summary>
    public static (string CertPem, string KeyPem) OrganisationCa(DateTimeOffset notBefore, TimeSpan life, bool rsa = false, bool isCa = true)
    {
        using AsymmetricAlgorithm key = rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var request = rsa
            ? new CertificateRequest("CN=Org Root, O=Example Corp", (RSA)key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest("CN=Org Root, O=Example Corp", (ECDsa)key, HashAlgorithmName.SHA384);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(isCa ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign : X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var cert = request.CreateSelfSigned(notBefore, notBefore + life);
        return (cert.ExportCertificatePem() + "\n", key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    public static UpstreamAuthority Upstream(DateTimeOffset notBefore, TimeSpan life, bool rsa = false)
    {
        var (cert, key) = OrganisationCa(notBefore, life, rsa);
        var result = CertificateAuthorities.LoadUpstream(cert, key);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Authority;
    }

    public static X509Svid Issue(X509Authority ca, TimeProvider time, string id = "spiffe://example.org/ns/default/sa/web", TimeSpan? ttl = null)
    {
        var issuance = SvidIssuer.Issue(ca, new SvidRequest { Id = SpiffeId.Parse(id), Ttl = ttl }, CaOptions.DefaultLeafTtl, time);
        Assert.True(issuance.Succeeded, issuance.Error);
        return issuance.Svid;
    }
}
