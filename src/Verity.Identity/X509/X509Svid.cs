using System.Security.Cryptography.X509Certificates;

namespace Verity.Identity.X509;

/// <summary>
/// An X.509-SVID (https://github.com/spiffe/spiffe/blob/main/standards/X509-SVID.md): the leaf with its private key, and
/// the chain a peer needs to reach the trust domain's bundle (leaf first, then intermediates; never the root).
/// Owns its certificates: dispose it.
/// </summary>
public sealed class X509Svid : IDisposable
{
    internal X509Svid(SpiffeId id, X509Certificate2 leaf, IReadOnlyList<X509Certificate2> intermediates)
    {
        Id = id;
        Leaf = leaf;
        Intermediates = intermediates;
    }

    public SpiffeId Id { get; }

    /// <summary>The leaf certificate, with its private key.</summary>
    public X509Certificate2 Leaf { get; }

    /// <summary>Signing certificates after the leaf, nearest first.</summary>
    public IReadOnlyList<X509Certificate2> Intermediates { get; }

    /// <summary>Leaf then intermediates: what a TLS peer presents and <c>svid.crt</c> holds.</summary>
    public IReadOnlyList<X509Certificate2> Chain => [Leaf, .. Intermediates];

    public DateTimeOffset NotBefore => new(Leaf.NotBefore.ToUniversalTime(), TimeSpan.Zero);

    public DateTimeOffset NotAfter => new(Leaf.NotAfter.ToUniversalTime(), TimeSpan.Zero);

    /// <summary>PEM of the chain, and of the PKCS#8 private key. The key text is secret: write it 0600, never log it.</summary>
    public (string Certificates, string PrivateKey) ToPem() => (Pem.Certificates(Chain), Pem.PrivateKey(Leaf));

    /// <summary>The chain as concatenated DER certificates, leaf first: the Workload API's <c>X509SVID.x509_svid</c> field.</summary>
    public byte[] ChainDer() => Chain.SelectMany(c => c.RawData).ToArray();

    /// <summary>The private key as PKCS#8 DER: the Workload API's <c>X509SVID.x509_svid_key</c> field. Secret.</summary>
    public byte[] PrivateKeyPkcs8()
    {
        using var key = Leaf.GetECDsaPrivateKey() ?? throw new InvalidOperationException("the SVID has no ECDSA private key");
        return key.ExportPkcs8PrivateKey();
    }

    public void Dispose()
    {
        Leaf.Dispose();
        foreach (var c in Intermediates) c.Dispose();
    }
}
