using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Verity.Server.Hosting;

/// <summary>Loads the serving certificate and its private key from PEM files, with a message a person can act on when it fails.</summary>
public static class ServerCertificate
{
    public static X509Certificate2? TryLoad(string certificatePemFile, string keyPemFile, out string error)
    {
        ArgumentNullException.ThrowIfNull(certificatePemFile);
        ArgumentNullException.ThrowIfNull(keyPemFile);
        error = "";
        try
        {
            var certificate = X509Certificate2.CreateFromPemFile(certificatePemFile, keyPemFile);
            if (certificate.HasPrivateKey) return certificate;
            certificate.Dispose();
            error = $"{keyPemFile}: no private key for the certificate in {certificatePemFile}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            error = $"cannot load TLS certificate {certificatePemFile} with key {keyPemFile}: {e.Message}";
        }
        return null;
    }

    /// <summary>The certificate of <paramref name="options"/>: the given one, else the PEM files; throws when neither works (a configuration bug).</summary>
    internal static X509Certificate2 From(AdmissionServerOptions options)
    {
        if (options.Certificate is { } certificate)
            return certificate.HasPrivateKey ? certificate : throw new ArgumentException("the TLS certificate has no private key", nameof(options));
        if (options.CertificatePemFile is null || options.KeyPemFile is null)
            throw new ArgumentException("a TLS certificate is required: set Certificate, or CertificatePemFile and KeyPemFile", nameof(options));
        return TryLoad(options.CertificatePemFile, options.KeyPemFile, out var error) ?? throw new ArgumentException(error, nameof(options));
    }
}
