using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Verity.Identity.X509;

namespace Verity.Identity.Tests;

/// <summary>Hand-made leaves that break one rule each, signed by a real CA, for the inspector tests.</summary>
internal static class BadLeaves
{
    public static X509Certificate2 Make(X509Authority ca, DateTimeOffset now, string[]? uris = null, bool isCa = false,
        X509KeyUsageFlags? usage = X509KeyUsageFlags.DigitalSignature, bool usageCritical = true, string[]? eku = null, TimeSpan? start = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("O=Test", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, true));
        if (usage is { } u) request.CertificateExtensions.Add(new X509KeyUsageExtension(u, usageCritical));
        var ekus = eku ?? [CertificateFields.ServerAuthOid, CertificateFields.ClientAuthOid];
        if (ekus.Length > 0) request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection().With(ekus), false));
        request.CertificateExtensions.Add(RawSan(uris ?? ["spiffe://example.org/web"]));
        var notBefore = now + (start ?? TimeSpan.FromSeconds(-10));
        var signer = X509SignatureGenerator.CreateForECDsa(ca.Certificate.GetECDsaPrivateKey()!);
        return request.Create(ca.Certificate.SubjectName, signer, notBefore, notBefore + TimeSpan.FromHours(1), CertificateFields.RandomSerial());
    }

    private static OidCollection With(this OidCollection collection, IEnumerable<string> oids)
    {
        foreach (var oid in oids) collection.Add(new Oid(oid));
        return collection;
    }

    /// <summary>A SAN with these URIs verbatim (System.Uri would add a trailing slash to spiffe://td) plus one DNS name.</summary>
    private static X509Extension RawSan(string[] uris)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (var uri in uris) writer.WriteCharacterString(UniversalTagNumber.IA5String, uri, new Asn1Tag(TagClass.ContextSpecific, 6));
            writer.WriteCharacterString(UniversalTagNumber.IA5String, "web.example.org", new Asn1Tag(TagClass.ContextSpecific, 2));
        }
        return new X509Extension(CertificateFields.SubjectAltNameOid, writer.Encode(), false);
    }
}
