using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace Verity.Server.Tests.WorkloadApi;

/// <summary>Reading what the Workload API sends: concatenated DER certificates and the URI SANs of a certificate.</summary>
internal static class Certificates
{
    public static List<X509Certificate2> SplitDer(byte[] der)
    {
        var certificates = new List<X509Certificate2>();
        var rest = der.AsMemory();
        while (!rest.IsEmpty)
        {
            AsnDecoder.ReadEncodedValue(rest.Span, AsnEncodingRules.DER, out _, out _, out var length);
            certificates.Add(X509CertificateLoader.LoadCertificate(rest[..length].Span));
            rest = rest[length..];
        }
        return certificates;
    }

    /// <summary>Every uniformResourceIdentifier ([6]) of the subjectAltName extension.</summary>
    public static List<string> UriSans(X509Certificate2 certificate)
    {
        var uris = new List<string>();
        var san = certificate.Extensions["2.5.29.17"];
        if (san is null) return uris;
        var names = new AsnReader(san.RawData, AsnEncodingRules.DER).ReadSequence();
        while (names.HasData)
        {
            var tag = names.PeekTag();
            if (tag == new Asn1Tag(TagClass.ContextSpecific, 6)) uris.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, tag));
            else names.ReadEncodedValue();
        }
        return uris;
    }

    /// <summary>Builds the chain to the given roots only, at the given time.</summary>
    public static bool ChainsTo(X509Certificate2 leaf, IEnumerable<X509Certificate2> intermediates, IEnumerable<X509Certificate2> roots, DateTimeOffset at, out string status)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(intermediates.ToArray());
        var ok = chain.Build(leaf);
        status = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation));
        return ok;
    }
}
