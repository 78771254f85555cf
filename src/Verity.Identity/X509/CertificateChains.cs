using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Verity.Identity.X509;

/// <summary>Reads a certificate chain from file contents: PEM (every CERTIFICATE block, in order) or a single DER certificate.</summary>
public static class CertificateChains
{
    public static bool TryRead(byte[] data, [NotNullWhen(true)] out IReadOnlyList<X509Certificate2>? chain, [NotNullWhen(false)] out string? error)
    {
        chain = null;
        var text = Encoding.UTF8.GetString(data);
        if (text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            if (!Pem.TryReadCertificates(text, out var certificates, out error)) return false;
            chain = certificates;
            return true;
        }
        try
        {
            chain = [X509CertificateLoader.LoadCertificate(data)];
            error = null;
            return true;
        }
        catch (CryptographicException e)
        {
            error = IdentityErrors.BadCertificate($"neither PEM nor DER ({e.Message})");
            return false;
        }
    }
}
