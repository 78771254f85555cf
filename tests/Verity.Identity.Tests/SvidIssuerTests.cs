using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Verity.Identity.X509;

namespace Verity.Identity.Tests;

/// <summary>X.509-SVID leaves per X509-SVID.md §2–§4, lifetimes, clamping and renewal timing.</summary>
public sealed class SvidIssuerTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void A_leaf_has_exactly_the_extensions_the_standard_requires()
    {
        using var ca = TestPki.Root(_clock);
        using var svid = TestPki.Issue(ca, _clock);
        var leaf = svid.Leaf;
        Assert.Equal(["spiffe://example.org/ns/default/sa/web"], CertificateFields.UriSans(leaf));
        var bc = leaf.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.False(bc.CertificateAuthority);
        Assert.True(bc.Critical);
        var ku = leaf.Extensions.OfType<X509KeyUsageExtension>().Single();
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, ku.KeyUsages);
        Assert.True(ku.Critical);
        var eku = leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single();
        Assert.Equal([CertificateFields.ServerAuthOid, CertificateFields.ClientAuthOid], eku.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value));
        var ski = ca.Certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifier;
        Assert.Equal(ski, Convert.ToHexString(leaf.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().Single().KeyIdentifier!.Value.Span));
        Assert.NotNull(leaf.Extensions.OfType<X509SubjectKeyIdentifierExtension>().SingleOrDefault());
        Assert.Equal(ManualClock.Epoch - TimeSpan.FromSeconds(10), svid.NotBefore);
        Assert.Equal(ManualClock.Epoch + TimeSpan.FromHours(1), svid.NotAfter);
        Assert.True(leaf.HasPrivateKey);
        Assert.Equal(ca.Certificate.Subject, leaf.Issuer);
        Assert.Empty(svid.Intermediates);
        Assert.Equal(32, leaf.SerialNumber.Length);
    }

    [Fact]
    public void Leaves_under_an_intermediate_carry_it_in_their_chain()
    {
        using var upstream = TestPki.Upstream(_clock.Now - TimeSpan.FromDays(1), TimeSpan.FromDays(365));
        using var ca = CertificateAuthorities.CreateIntermediate(TestPki.Options(), upstream, _clock).Authority!;
        using var svid = TestPki.Issue(ca, _clock);
        Assert.Equal([svid.Leaf.Thumbprint, ca.Certificate.Thumbprint], svid.Chain.Select(c => c.Thumbprint));
        Assert.Equal([.. svid.Leaf.RawData, .. ca.Certificate.RawData], svid.ChainDer());
        using (var imported = ECDsa.Create())
        {
            imported.ImportPkcs8PrivateKey(svid.PrivateKeyPkcs8(), out _);
            using var publicKey = svid.Leaf.GetECDsaPublicKey()!;
            Assert.Equal(publicKey.ExportSubjectPublicKeyInfo(), imported.ExportSubjectPublicKeyInfo());
        }
        var (certs, key) = svid.ToPem();
        Assert.Equal(2, certs.Split("BEGIN CERTIFICATE").Length - 1);
        Assert.Contains("BEGIN PRIVATE KEY", key);
    }

    [Fact]
    public void A_leaf_never_outlives_its_ca_it_is_clamped_and_says_so()
    {
        using var ca = TestPki.Root(_clock);
        _clock.Advance(TimeSpan.FromHours(23.5));
        var issuance = SvidIssuer.Issue(ca, new SvidRequest { Id = SpiffeId.Parse("spiffe://example.org/a") }, TimeSpan.FromHours(1), _clock);
        Assert.True(issuance.Succeeded);
        Assert.True(issuance.Clamped);
        Assert.Equal(ca.NotAfter, issuance.Svid.NotAfter);
        var normal = SvidIssuer.Issue(ca, new SvidRequest { Id = SpiffeId.Parse("spiffe://example.org/a"), Ttl = TimeSpan.FromMinutes(5) }, TimeSpan.FromHours(1), _clock);
        Assert.False(normal.Clamped);
        Assert.Equal(_clock.Now + TimeSpan.FromMinutes(5), normal.Svid!.NotAfter);
    }

    [Fact]
    public void Bad_requests_are_refused_with_a_reason()
    {
        using var ca = TestPki.Root(_clock);
        string? Refusal(string id, TimeSpan? ttl = null, string[]? dns = null) =>
            SvidIssuer.Issue(ca, new SvidRequest { Id = SpiffeId.Parse(id), Ttl = ttl, DnsNames = dns ?? [] }, TimeSpan.FromHours(1), _clock).Error;
        Assert.Equal("spiffe://other.org/a is not in trust domain example.org: this CA only signs IDs of spiffe://example.org", Refusal("spiffe://other.org/a"));
        Assert.Equal("spiffe://example.org names a trust domain, not a workload: an X.509-SVID's SPIFFE ID needs a path", Refusal("spiffe://example.org"));
        Assert.Equal("SVID TTL must be positive, not 0s", Refusal("spiffe://example.org/a", TimeSpan.Zero));
        Assert.Equal("invalid DNS SAN \"bad name\"", Refusal("spiffe://example.org/a", dns: ["bad name"]));
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.StartsWith("the CA is not valid at 2026-11-29 12:00:00Z", Refusal("spiffe://example.org/a"));
    }

    [Fact]
    public void A_caller_key_and_dns_sans_are_used()
    {
        using var ca = TestPki.Root(_clock);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var issuance = SvidIssuer.Issue(ca, new SvidRequest { Id = SpiffeId.Parse("spiffe://example.org/a"), Key = key, DnsNames = ["web.default.svc"] }, TimeSpan.FromHours(1), _clock);
        using var svid = issuance.Svid!;
        using var publicKey = svid.Leaf.GetECDsaPublicKey()!;
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), publicKey.ExportSubjectPublicKeyInfo());
        Assert.Equal(["web.default.svc"], svid.Leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames());
        Assert.Equal(["spiffe://example.org/a"], CertificateFields.UriSans(svid.Leaf));
    }

    [Fact]
    public void Renewal_is_due_at_half_life_with_bounded_jitter()
    {
        var nb = ManualClock.Epoch;
        var na = nb + TimeSpan.FromHours(1);
        var random = new Random(42);
        var times = Enumerable.Range(0, 200).Select(_ => SvidRenewal.RenewAt(nb, na, random)).ToList();
        Assert.All(times, t => Assert.InRange(t, nb + TimeSpan.FromMinutes(24), nb + TimeSpan.FromMinutes(36)));
        Assert.True(times.Distinct().Count() > 100);
        Assert.InRange(times.Average(t => (t - nb).TotalMinutes), 28.5, 31.5);
        Assert.Equal(SvidRenewal.RenewAt(nb, na, new Random(7)), SvidRenewal.RenewAt(nb, na, new Random(7)));
        Assert.False(SvidRenewal.IsDue(nb + TimeSpan.FromMinutes(29), na, nb + TimeSpan.FromMinutes(10)));
        Assert.True(SvidRenewal.IsDue(nb + TimeSpan.FromMinutes(29), na, nb + TimeSpan.FromMinutes(29)));
        Assert.True(SvidRenewal.IsDue(na + TimeSpan.FromHours(1), na, na));
    }
}
