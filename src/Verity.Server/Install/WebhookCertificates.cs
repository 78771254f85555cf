using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Verity.Server.Install;

/// <summary>
/// A private CA and the webhook's serving certificate, as PEM: what the API server trusts (<see cref="CaPem"/>, the webhook
/// configurations' <c>caBundle</c>) and what the server presents (<see cref="CertificatePem"/>, <see cref="KeyPem"/>).
/// The CA's key is not kept: nothing else is ever signed with it, so rotating means generating the manifests again.
/// </summary>
public sealed record WebhookCertificates(string CaPem, string CertificatePem, string KeyPem)
{
    /// <summary>
    /// Issues an ECDSA P-256 CA (cA=true, pathLen 0, keyCertSign) and a serving certificate signed by it for the Service's
    /// DNS names (<c>svc</c>, <c>svc.ns</c>, <c>svc.ns.svc</c>, <c>svc.ns.svc.cluster.local</c>; the API server calls
    /// <c>svc.ns.svc</c>), serverAuth only, valid from five minutes before <paramref name="time"/>'s now.
    /// </summary>
    public static WebhookCertificates Issue(string service, string @namespace, TimeSpan validity, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var notBefore = time.GetUtcNow().AddMinutes(-5);
        var notAfter = notBefore + validity;

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={service}-webhook-ca, O=verity", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(notBefore, notAfter);

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={service}.{@namespace}.svc", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in DnsNames(service, @namespace)) names.AddDnsName(name);
        request.CertificateExtensions.Add(names.Build(critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive serial number (RFC 5280, 4.1.2.2)
        using var certificate = request.Create(ca, notBefore, notAfter, serial);

        return new WebhookCertificates(ca.ExportCertificatePem() + "\n", certificate.ExportCertificatePem() + "\n", key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    /// <summary>The DNS names a Service is reached by inside the cluster, the one the API server uses (<c>svc.ns.svc</c>) among them.</summary>
    public static IReadOnlyList<string> DnsNames(string service, string @namespace) =>
        [service, $"{service}.{@namespace}", $"{service}.{@namespace}.svc", $"{service}.{@namespace}.svc.cluster.local"];
}
