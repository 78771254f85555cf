using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Verity.Identity.X509;

namespace Verity.Identity.Tests;

/// <summary>CA certificates per X509-SVID.md §3.2/§4 and the CA-TTL rules.</summary>
public sealed class CertificateAuthorityTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void A_root_ca_is_a_spiffe_signing_certificate()
    {
        using var ca = TestPki.Root(_clock);
        var cert = ca.Certificate;
        Assert.True(ca.IsRoot);
        Assert.Same(cert, Assert.Single(ca.Roots));
        Assert.Empty(ca.ChainForLeaves);
        var bc = cert.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(bc.CertificateAuthority);
        Assert.True(bc.Critical);
        var ku = cert.Extensions.OfType<X509KeyUsageExtension>().Single();
        Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, ku.KeyUsages);
        Assert.True(ku.Critical);
        Assert.Equal(["spiffe://example.org"], CertificateFields.UriSans(cert));
        Assert.NotNull(cert.Extensions.OfType<X509SubjectKeyIdentifierExtension>().SingleOrDefault());
        Assert.NotNull(cert.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().SingleOrDefault());
        var nc = cert.Extensions.Cast<X509Extension>().Single(e => e.Oid!.Value == CertificateFields.NameConstraintsOid);
        Assert.True(nc.Critical);
        Assert.Equal("ECDsa", cert.GetKeyAlgorithmParameters() is null ? "" : "ECDsa");
        using var key = cert.GetECDsaPublicKey();
        Assert.Equal(256, key!.KeySize);
        Assert.Equal(ManualClock.Epoch - TimeSpan.FromSeconds(10), ca.NotBefore);
        Assert.Equal(ManualClock.Epoch + TimeSpan.FromHours(24), ca.NotAfter);
        Assert.Equal(32, cert.SerialNumber.Length);
    }

    [Fact]
    public void Name_constraints_can_be_turned_off()
    {
        using var ca = CertificateAuthorities.CreateRoot(TestPki.Options() with { NameConstraints = false }, _clock).Authority!;
        Assert.DoesNotContain(ca.Certificate.Extensions.Cast<X509Extension>(), e => e.Oid!.Value == CertificateFields.NameConstraintsOid);
    }

    [Fact]
    public void Serials_are_random()
    {
        using var a = TestPki.Root(_clock);
        using var b = TestPki.Root(_clock);
        Assert.NotEqual(a.Certificate.SerialNumber, b.Certificate.SerialNumber);
    }

    [Theory]
    [InlineData(5, 1, "CA TTL 5h is too short for leaf TTL 1h: the CA must live at least 6× the leaf TTL (6h) so it can rotate before its leaves outlive it")]
    [InlineData(6, 2, "CA TTL 6h is too short for leaf TTL 2h: the CA must live at least 6× the leaf TTL (12h) so it can rotate before its leaves outlive it")]
    public void A_ca_ttl_under_six_leaf_ttls_is_refused(int caHours, int leafHours, string message)
    {
        var result = CertificateAuthorities.CreateRoot(TestPki.Options(caTtl: TimeSpan.FromHours(caHours), leafTtl: TimeSpan.FromHours(leafHours)), _clock);
        Assert.False(result.Succeeded);
        Assert.Equal([message], result.Errors);
    }

    [Fact]
    public void Exactly_six_leaf_ttls_is_enough_and_zero_ttls_are_refused()
    {
        Assert.True(CertificateAuthorities.CreateRoot(TestPki.Options(caTtl: TimeSpan.FromHours(6)), _clock).Succeeded);
        var result = CertificateAuthorities.CreateRoot(TestPki.Options(caTtl: TimeSpan.Zero, leafTtl: TimeSpan.Zero), _clock);
        Assert.Equal(["CA TTL must be positive, not 0s", "leaf TTL must be positive, not 0s"], result.Errors);
        Assert.Equal([IdentityErrors.MissingTrustDomain], new CaOptions { TrustDomain = default }.Validate());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_intermediate_is_signed_by_the_upstream_and_its_root_is_the_trust_anchor(bool rsa)
    {
        using var upstream = TestPki.Upstream(_clock.Now - TimeSpan.FromDays(1), TimeSpan.FromDays(365), rsa);
        var result = CertificateAuthorities.CreateIntermediate(TestPki.Options(), upstream, _clock);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        using var ca = result.Authority;
        Assert.False(ca.IsRoot);
        Assert.Equal(upstream.Certificate.Thumbprint, Assert.Single(ca.Roots).Thumbprint);
        Assert.Equal(upstream.Certificate.Subject, ca.Certificate.Issuer);
        Assert.Equal([ca.Certificate.Thumbprint], ca.ChainForLeaves.Select(c => c.Thumbprint));
        Assert.Equal(["spiffe://example.org"], CertificateFields.UriSans(ca.Certificate));
        var aki = ca.Certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().Single();
        var upstreamSki = upstream.Certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single();
        Assert.Equal(upstreamSki.SubjectKeyIdentifier, Convert.ToHexString(aki.KeyIdentifier!.Value.Span));
    }

    [Fact]
    public void An_intermediate_never_outlives_its_upstream()
    {
        using var upstream = TestPki.Upstream(_clock.Now - TimeSpan.FromDays(1), TimeSpan.FromDays(1) + TimeSpan.FromHours(12));
        using var ca = CertificateAuthorities.CreateIntermediate(TestPki.Options(), upstream, _clock).Authority!;
        Assert.Equal(new DateTimeOffset(upstream.Certificate.NotAfter.ToUniversalTime()), ca.NotAfter);

        using var dying = TestPki.Upstream(_clock.Now - TimeSpan.FromDays(1), TimeSpan.FromDays(1) + TimeSpan.FromHours(3));
        var refused = CertificateAuthorities.CreateIntermediate(TestPki.Options(), dying, _clock);
        Assert.False(refused.Succeeded);
        Assert.StartsWith("the upstream CA expires at 2026-11-27 15:00:00Z, leaving this CA only 3h0m10s", Assert.Single(refused.Errors));
    }

    [Fact]
    public void Unusable_upstreams_are_refused()
    {
        var (leafCert, leafKey) = TestPki.OrganisationCa(_clock.Now, TimeSpan.FromDays(1), isCa: false);
        var result = CertificateAuthorities.LoadUpstream(leafCert, leafKey);
        Assert.Equal([IdentityErrors.UpstreamNotCa, IdentityErrors.UpstreamNoCertSign], result.Errors);

        var (cert, _) = TestPki.OrganisationCa(_clock.Now, TimeSpan.FromDays(1));
        var (_, otherKey) = TestPki.OrganisationCa(_clock.Now, TimeSpan.FromDays(1));
        Assert.StartsWith("cannot read private key", Assert.Single(CertificateAuthorities.LoadUpstream(cert, otherKey).Errors));
        Assert.Equal([IdentityErrors.NoCertificate], CertificateAuthorities.LoadUpstream("not pem", otherKey).Errors);

        using var expired = TestPki.Upstream(_clock.Now - TimeSpan.FromDays(10), TimeSpan.FromDays(1));
        Assert.StartsWith("the upstream certificate is not valid now", Assert.Single(CertificateAuthorities.CreateIntermediate(TestPki.Options(), expired, _clock).Errors));
    }

    [Fact]
    public void A_saved_ca_loads_back()
    {
        using var upstream = TestPki.Upstream(_clock.Now - TimeSpan.FromDays(1), TimeSpan.FromDays(365));
        using var ca = CertificateAuthorities.CreateIntermediate(TestPki.Options(), upstream, _clock).Authority!;
        var (certs, key) = ca.ToPem();
        Assert.Contains("BEGIN PRIVATE KEY", key);
        var loaded = CertificateAuthorities.Load(certs, key, Pem.Certificates(ca.Roots));
        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Errors));
        using var again = loaded.Authority;
        Assert.Equal(ca.Certificate.Thumbprint, again.Certificate.Thumbprint);
        Assert.True(again.Certificate.HasPrivateKey);
        Assert.Equal(TestPki.Td, again.TrustDomain);
        Assert.Equal(upstream.Certificate.Thumbprint, Assert.Single(again.Roots).Thumbprint);

        using var root = TestPki.Root(_clock);
        var (rootCerts, rootKey) = root.ToPem();
        using var loadedRoot = CertificateAuthorities.Load(rootCerts, rootKey, "").Authority!;
        Assert.True(loadedRoot.IsRoot);
        Assert.Single(loadedRoot.Roots);
        using var other = ECDsa.Create();
        Assert.StartsWith("cannot read private key", Assert.Single(CertificateAuthorities.Load(rootCerts, other.ExportPkcs8PrivateKeyPem(), "").Errors));
    }
}
