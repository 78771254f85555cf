using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Verity.Identity.X509;

/// <summary>PEM text in and out (RFC 7468). Reading never throws: failures come back as messages.</summary>
internal static class Pem
{
    public static string Certificates(IEnumerable<X509Certificate2> certificates)
    {
        var builder = new StringBuilder();
        foreach (var c in certificates) builder.Append(c.ExportCertificatePem()).Append('\n');
        return builder.ToString();
    }

    public static string PrivateKey(X509Certificate2 certificate)
    {
        AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetECDsaPrivateKey() ?? certificate.GetRSAPrivateKey()
            ?? throw new InvalidOperationException("certificate has no ECDSA or RSA private key");
        using (key) return key.ExportPkcs8PrivateKeyPem() + "\n";
    }

    /// <summary>Every CERTIFICATE block of <paramref name="text"/>, in order.</summary>
    public static bool TryReadCertificates(string text, out List<X509Certificate2> certificates, [NotNullWhen(false)] out string? error)
    {
        certificates = [];
        error = null;
        try
        {
            var collection = new X509Certificate2Collection();
            collection.ImportFromPem(text);
            certificates.AddRange(collection);
        }
        catch (CryptographicException e)
        {
            error = IdentityErrors.BadCertificate(e.Message);
            return false;
        }
        if (certificates.Count == 0)
        {
            error = IdentityErrors.NoCertificate;
            return false;
        }
        return true;
    }

    /// <summary>The first certificate of <paramref name="certificatePem"/> joined with its private key.</summary>
    public static bool TryReadWithKey(string certificatePem, string keyPem, [NotNullWhen(true)] out X509Certificate2? certificate, [NotNullWhen(false)] out string? error)
    {
        certificate = null;
        error = null;
        try
        {
            certificate = X509Certificate2.CreateFromPem(certificatePem, keyPem);
            return true;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            error = IdentityErrors.BadKey(e.Message);
            return false;
        }
    }
}
