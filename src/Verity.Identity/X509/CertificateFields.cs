using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Verity.Identity.X509;

/// <summary>
/// The DER pieces .NET does not build or read for us: URI SANs (X.509 GeneralName [6], RFC 5280 4.2.1.6), URI name
/// constraints (RFC 5280 4.2.1.10), random serials, and a signature generator for an issuer's key.
/// </summary>
internal static class CertificateFields
{
    public const string SubjectAltNameOid = "2.5.29.17";
    public const string NameConstraintsOid = "2.5.29.30";
    public const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    private static readonly Asn1Tag DnsTag = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag UriTag = new(TagClass.ContextSpecific, 6);

    /// <summary>A subjectAltName with exactly one URI (the SPIFFE ID) and any DNS names; critical only when the subject is empty.</summary>
    public static X509Extension SubjectAltName(SpiffeId id, IReadOnlyList<string> dnsNames)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteCharacterString(UniversalTagNumber.IA5String, id.ToString(), UriTag);
            foreach (var dns in dnsNames) writer.WriteCharacterString(UniversalTagNumber.IA5String, dns, DnsTag);
        }
        return new X509Extension(SubjectAltNameOid, writer.Encode(), critical: false);
    }

    /// <summary>NameConstraints permitting only URIs whose host is the trust domain (how OpenSSL and Go match URI constraints).</summary>
    public static X509Extension UriNameConstraints(TrustDomain trustDomain)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
        using (writer.PushSequence())
            writer.WriteCharacterString(UniversalTagNumber.IA5String, trustDomain.Name, UriTag);
        return new X509Extension(NameConstraintsOid, writer.Encode(), critical: true);
    }

    /// <summary>The URI SANs of a certificate, in order; empty when it has none. Malformed SAN extensions read as empty.</summary>
    public static IReadOnlyList<string> UriSans(X509Certificate2 certificate)
    {
        var uris = new List<string>();
        foreach (var extension in certificate.Extensions)
        {
            if (extension.Oid?.Value != SubjectAltNameOid) continue;
            try
            {
                var reader = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
                while (reader.HasData)
                {
                    var tag = reader.PeekTag();
                    if (tag.HasSameClassAndValue(UriTag)) uris.Add(reader.ReadCharacterString(UniversalTagNumber.IA5String, UriTag));
                    else reader.ReadEncodedValue();
                }
            }
            catch (AsnContentException)
            {
                // A malformed SAN is reported by the caller as "no URI SAN".
            }
        }
        return uris;
    }

    /// <summary>128 random bits, positive and with its top bit pattern fixed so the DER integer is always 16 bytes.</summary>
    public static byte[] RandomSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x3F) | 0x40);
        return serial;
    }

    /// <summary>A signature generator for the issuer's private key (ECDSA: SHA-256/384/512 by curve size; RSA: PKCS#1 v1.5 SHA-256), or null. Dispose <paramref name="key"/> after signing.</summary>
    public static X509SignatureGenerator? SignerFor(X509Certificate2 issuer, out HashAlgorithmName hash, out IDisposable? key)
    {
        if (issuer.GetECDsaPrivateKey() is { } ec)
        {
            key = ec;
            hash = ec.KeySize switch { > 384 => HashAlgorithmName.SHA512, > 256 => HashAlgorithmName.SHA384, _ => HashAlgorithmName.SHA256 };
            return X509SignatureGenerator.CreateForECDsa(ec);
        }
        if (issuer.GetRSAPrivateKey() is { } rsa)
        {
            key = rsa;
            hash = HashAlgorithmName.SHA256;
            return X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1);
        }
        key = null;
        hash = default;
        return null;
    }

    /// <summary>X.509 times have whole seconds; every time Verity writes is truncated first so what it computes is what is stored.</summary>
    public static DateTimeOffset TruncateToSeconds(DateTimeOffset time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, time.Offset);

    public static bool IsSelfSigned(X509Certificate2 certificate) => certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);

    public static X509SubjectKeyIdentifierExtension? SubjectKeyId(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault();
}
