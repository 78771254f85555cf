using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Verity.Identity.X509;

/// <summary>
/// Makes and loads Verity CAs. CA certificates follow https://github.com/spiffe/spiffe/blob/main/standards/X509-SVID.md
/// section 4 for signing certificates: basicConstraints cA=true (critical), keyUsage keyCertSign+cRLSign (critical), the URI
/// SAN <c>spiffe://TD</c>, subject and authority key identifiers, a 128-bit random serial and (by default) URI name
/// constraints to the trust domain. Keys are ECDSA P-256. Pure: time comes from the <see cref="TimeProvider"/>.
/// </summary>
public static class CertificateAuthorities
{
    /// <summary>NotBefore is backdated this much to tolerate clock skew between the CA and verifiers.</summary>
    public static readonly TimeSpan Backdate = TimeSpan.FromSeconds(10);

    /// <summary>A self-signed root CA living <see cref="CaOptions.CaTtl"/> from now.</summary>
    public static CaResult CreateRoot(CaOptions options, TimeProvider time)
    {
        var errors = options.Validate();
        if (errors.Count > 0) return CaResult.Fail(errors);
        var (notBefore, notAfter) = Validity(time, options.CaTtl);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = CaRequest(options, key, HashAlgorithmName.SHA256, out var subject);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(
            request.CertificateExtensions.OfType<X509SubjectKeyIdentifierExtension>().Single()));
        using var unkeyed = request.Create(subject, X509SignatureGenerator.CreateForECDsa(key), notBefore, notAfter, CertificateFields.RandomSerial());
        var certificate = unkeyed.CopyWithPrivateKey(key);
        key.Dispose();
        return new CaResult { Authority = new X509Authority(options.TrustDomain, certificate, [], [certificate]) };
    }

    /// <summary>
    /// An intermediate CA signed by <paramref name="upstream"/>. Its life is cut to the upstream's NotAfter (a CA never
    /// outlives its issuer); refused when what is left is under 6× the leaf TTL, or the upstream is not a usable CA now.
    /// </summary>
    public static CaResult CreateIntermediate(CaOptions options, UpstreamAuthority upstream, TimeProvider time)
    {
        var errors = options.Validate().ToList();
        var (notBefore, notAfter) = Validity(time, options.CaTtl);
        var issuer = upstream.Certificate;
        var upstreamNotBefore = new DateTimeOffset(issuer.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        var upstreamNotAfter = new DateTimeOffset(issuer.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var now = time.GetUtcNow();
        if (now < upstreamNotBefore || now >= upstreamNotAfter) errors.Add(IdentityErrors.UpstreamNotValid(upstreamNotBefore, upstreamNotAfter));
        else if (notAfter > upstreamNotAfter)
        {
            notAfter = upstreamNotAfter;
            if (errors.Count == 0 && notAfter - notBefore < options.LeafTtl * CaOptions.MinCaToLeafRatio)
                errors.Add(IdentityErrors.UpstreamShortensCa(upstreamNotAfter, notAfter - notBefore, options.LeafTtl));
        }
        if (notBefore < upstreamNotBefore) notBefore = upstreamNotBefore;
        var signer = CertificateFields.SignerFor(issuer, out var hash, out var issuerKey);
        using var disposeIssuerKey = issuerKey;
        if (signer is null) errors.Add(IdentityErrors.UpstreamUnsupportedKey);
        if (errors.Count > 0) return CaResult.Fail(errors);

        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = CaRequest(options, key, hash, out _);
        if (CertificateFields.SubjectKeyId(issuer) is { } issuerKeyId)
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(issuerKeyId));
        using var unkeyed = request.Create(issuer.SubjectName, signer!, notBefore, notAfter, CertificateFields.RandomSerial());
        var certificate = unkeyed.CopyWithPrivateKey(key);
        key.Dispose();
        var intermediates = upstream.Intermediates.Prepend(upstream.Certificate)
            .Where(c => !upstream.Roots.Contains(c))
            .Select(c => X509CertificateLoader.LoadCertificate(c.RawData)).ToList();
        var roots = upstream.Roots.Select(c => X509CertificateLoader.LoadCertificate(c.RawData)).ToList();
        return new CaResult { Authority = new X509Authority(options.TrustDomain, certificate, intermediates, roots) };
    }

    /// <summary>
    /// Loads an upstream CA: its certificate PEM (the signing certificate first, optionally followed by its chain) and its key.
    /// Checks that it is a CA allowed to sign certificates.
    /// </summary>
    public static UpstreamResult LoadUpstream(string certificatePem, string keyPem)
    {
        if (!Pem.TryReadCertificates(certificatePem, out var certificates, out var error)) return new UpstreamResult { Errors = [error!] };
        if (!Pem.TryReadWithKey(certificatePem, keyPem, out var signing, out error)) return new UpstreamResult { Errors = [error] };
        // certificates[0] is the same certificate without its key; the keyed copy replaces it.
        certificates[0].Dispose();
        certificates[0] = signing;
        var errors = new List<string>();
        if (signing.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true }) errors.Add(IdentityErrors.UpstreamNotCa);
        if (signing.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } usage && !usage.KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign))
            errors.Add(IdentityErrors.UpstreamNoCertSign);
        if (signing.GetECDsaPublicKey() is null && signing.GetRSAPublicKey() is null) errors.Add(IdentityErrors.UpstreamUnsupportedKey);
        if (errors.Count > 0) return new UpstreamResult { Errors = errors };
        var rest = certificates.Skip(1).ToList();
        var roots = certificates.Where(CertificateFields.IsSelfSigned).ToList();
        if (roots.Count == 0) roots.Add(rest.Count > 0 ? rest[^1] : signing);
        var intermediates = rest.Where(c => !roots.Contains(c)).ToList();
        return new UpstreamResult { Authority = new UpstreamAuthority(signing, intermediates, roots) };
    }

    /// <summary>
    /// Loads a CA written by <see cref="X509Authority.ToPem"/>: <paramref name="certificatesPem"/> (CA first, then its
    /// intermediates), its key, and <paramref name="rootsPem"/> (the trust anchors; empty or the CA itself for a root).
    /// </summary>
    public static CaResult Load(string certificatesPem, string keyPem, string rootsPem)
    {
        if (!Pem.TryReadCertificates(certificatesPem, out var certificates, out var error)) return CaResult.Fail(error!);
        if (!Pem.TryReadWithKey(certificatesPem, keyPem, out var certificate, out error)) return CaResult.Fail(error);
        certificates[0].Dispose();
        var uris = CertificateFields.UriSans(certificate);
        if (uris.Count != 1 || !SpiffeId.TryParse(uris[0], out var id, out _) || !id.IsTrustDomainId) return CaResult.Fail(IdentityErrors.CaHasNoTrustDomain);
        List<X509Certificate2> roots = [];
        if (rootsPem.Trim().Length > 0 && !Pem.TryReadCertificates(rootsPem, out roots, out error)) return CaResult.Fail(error!);
        if (CertificateFields.IsSelfSigned(certificate))
            roots = [certificate, .. roots.Where(r => !r.RawData.AsSpan().SequenceEqual(certificate.RawData))];
        return new CaResult { Authority = new X509Authority(id.TrustDomain, certificate, certificates.Skip(1).ToList(), roots) };
    }

    private static (DateTimeOffset NotBefore, DateTimeOffset NotAfter) Validity(TimeProvider time, TimeSpan ttl)
    {
        var now = CertificateFields.TruncateToSeconds(time.GetUtcNow());
        return (now - Backdate, now + ttl);
    }

    private static CertificateRequest CaRequest(CaOptions options, ECDsa key, HashAlgorithmName hash, out X500DistinguishedName subject)
    {
        var serialHint = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        subject = new X500DistinguishedName($"O=Verity, CN=Verity CA {serialHint}");
        var request = new CertificateRequest(subject, key, hash);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(CertificateFields.SubjectAltName(options.TrustDomain.Id, []));
        if (options.NameConstraints) request.CertificateExtensions.Add(CertificateFields.UriNameConstraints(options.TrustDomain));
        return request;
    }
}
