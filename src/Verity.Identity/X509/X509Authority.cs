using System.Security.Cryptography.X509Certificates;

namespace Verity.Identity.X509;

/// <summary>
/// A Verity signing CA for one trust domain: its certificate with private key, the intermediates between it and the trust
/// anchors (empty for a self-signed root, the upstream's chain for an intermediate), and the trust anchors that go in the
/// trust domain's bundle. Create one with <see cref="CertificateAuthorities"/>. Owns its certificates: dispose it.
/// </summary>
public sealed class X509Authority : IDisposable
{
    internal X509Authority(TrustDomain trustDomain, X509Certificate2 certificate, IReadOnlyList<X509Certificate2> intermediates, IReadOnlyList<X509Certificate2> roots)
    {
        TrustDomain = trustDomain;
        Certificate = certificate;
        Intermediates = intermediates;
        Roots = roots;
    }

    public TrustDomain TrustDomain { get; }

    /// <summary>The CA certificate, with its private key (never exported except by <see cref="ToPem"/> for the CA directory).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Certificates between <see cref="Certificate"/> and the roots, nearest first; SVID chains carry them after the leaf.</summary>
    public IReadOnlyList<X509Certificate2> Intermediates { get; }

    /// <summary>The trust anchors of this CA: itself when self-signed, else the upstream root(s).</summary>
    public IReadOnlyList<X509Certificate2> Roots { get; }

    public bool IsRoot => CertificateFields.IsSelfSigned(Certificate);

    public DateTimeOffset NotBefore => new(Certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);

    public DateTimeOffset NotAfter => new(Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);

    public TimeSpan Lifetime => NotAfter - NotBefore;

    /// <summary>What an X.509-SVID chain carries after its leaf: this CA unless it is itself a root, then its intermediates.</summary>
    public IReadOnlyList<X509Certificate2> ChainForLeaves => IsRoot ? [] : [Certificate, .. Intermediates];

    /// <summary>PEM of the CA certificate followed by its intermediates, and of its PKCS#8 private key. The key text is secret.</summary>
    public (string Certificates, string PrivateKey) ToPem() =>
        (Pem.Certificates([Certificate, .. Intermediates]), Pem.PrivateKey(Certificate));

    public void Dispose()
    {
        Certificate.Dispose();
        foreach (var c in Intermediates) c.Dispose();
        foreach (var c in Roots) if (!ReferenceEquals(c, Certificate)) c.Dispose();
    }
}
