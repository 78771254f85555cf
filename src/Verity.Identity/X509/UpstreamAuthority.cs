using System.Security.Cryptography.X509Certificates;

namespace Verity.Identity.X509;

/// <summary>
/// A user-provided CA (e.g. an organisation's root or an intermediate of it) that signs Verity's intermediate CA. Only its
/// certificate, key and chain are used; it needs no SPIFFE ID. Load it with <see cref="CertificateAuthorities.LoadUpstream"/>.
/// </summary>
public sealed class UpstreamAuthority : IDisposable
{
    internal UpstreamAuthority(X509Certificate2 certificate, IReadOnlyList<X509Certificate2> intermediates, IReadOnlyList<X509Certificate2> roots)
    {
        Certificate = certificate;
        Intermediates = intermediates;
        Roots = roots;
    }

    /// <summary>The upstream signing certificate with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Non-root certificates that followed it in its PEM file.</summary>
    public IReadOnlyList<X509Certificate2> Intermediates { get; }

    /// <summary>The trust anchors: self-signed certificates of the file, else its last certificate.</summary>
    public IReadOnlyList<X509Certificate2> Roots { get; }

    public void Dispose()
    {
        Certificate.Dispose();
        foreach (var c in Intermediates) c.Dispose();
        foreach (var c in Roots) if (!ReferenceEquals(c, Certificate)) c.Dispose();
    }
}
