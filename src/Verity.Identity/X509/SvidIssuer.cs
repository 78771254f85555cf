using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Verity.Identity.X509;

/// <summary>
/// Signs X.509-SVID leaves exactly as https://github.com/spiffe/spiffe/blob/main/standards/X509-SVID.md (section 4)
/// requires: one URI SAN (the SPIFFE ID), basicConstraints cA=false (critical), keyUsage digitalSignature only (critical;
/// never keyCertSign or cRLSign), extendedKeyUsage serverAuth+clientAuth, subject and authority key identifiers, a random
/// 128-bit serial, NotBefore backdated 10 s. A leaf never outlives its CA: a longer lifetime is clamped to the CA's NotAfter
/// and the result says so. Pure: the clock is the injected <see cref="TimeProvider"/>.
/// </summary>
public static class SvidIssuer
{
    public static SvidIssuance Issue(X509Authority ca, SvidRequest request, TimeSpan defaultTtl, TimeProvider time)
    {
        if (!request.Id.MemberOf(ca.TrustDomain)) return Fail(IdentityErrors.NotInTrustDomain(request.Id, ca.TrustDomain));
        if (request.Id.IsTrustDomainId) return Fail(IdentityErrors.TrustDomainIdForLeaf(request.Id));
        var ttl = request.Ttl ?? defaultTtl;
        if (ttl <= TimeSpan.Zero) return Fail(IdentityErrors.NonPositiveTtl("SVID TTL", ttl));
        foreach (var dns in request.DnsNames)
            if (Uri.CheckHostName(dns) != UriHostNameType.Dns) return Fail(IdentityErrors.InvalidDnsName(dns));
        var now = CertificateFields.TruncateToSeconds(time.GetUtcNow());
        if (now < ca.NotBefore || now >= ca.NotAfter) return Fail(IdentityErrors.CaNotValid(ca.NotBefore, ca.NotAfter, now));
        var signer = CertificateFields.SignerFor(ca.Certificate, out var hash, out var caKey);
        using var disposeCaKey = caKey;
        if (signer is null) return Fail(IdentityErrors.UpstreamUnsupportedKey);

        var notBefore = Max(now - CertificateAuthorities.Backdate, ca.NotBefore);
        var notAfter = now + ttl;
        var clamped = notAfter > ca.NotAfter;
        if (clamped) notAfter = ca.NotAfter;

        var ownKey = request.Key is null;
        var key = request.Key ?? ECDsa.Create(ECCurve.NamedCurves.nistP256);
        try
        {
            var cert = new CertificateRequest(new X500DistinguishedName("O=Verity"), key, hash);
            cert.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
            cert.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
            cert.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
                [new Oid(CertificateFields.ServerAuthOid), new Oid(CertificateFields.ClientAuthOid)], critical: false));
            cert.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(cert.PublicKey, critical: false));
            if (CertificateFields.SubjectKeyId(ca.Certificate) is { } caKeyId)
                cert.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(caKeyId));
            cert.CertificateExtensions.Add(CertificateFields.SubjectAltName(request.Id, request.DnsNames));
            using var unkeyed = cert.Create(ca.Certificate.SubjectName, signer, notBefore, notAfter, CertificateFields.RandomSerial());
            var leaf = unkeyed.CopyWithPrivateKey(key);
            var chain = ca.ChainForLeaves.Select(c => X509CertificateLoader.LoadCertificate(c.RawData)).ToList();
            return new SvidIssuance { Svid = new X509Svid(request.Id, leaf, chain), Clamped = clamped };
        }
        finally
        {
            if (ownKey) key.Dispose();
        }
    }

    private static SvidIssuance Fail(string error) => new() { Error = error };

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
