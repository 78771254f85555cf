using System.Text.Json;
using Verity.Identity.Bundles;
using Verity.Identity.X509;

namespace Verity.Identity.Tests;

/// <summary>The SPIFFE bundle format (SPIFFE_Trust_Domain_and_Bundle.md §4), PEM bundles and the federation set.</summary>
public sealed class BundleTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void A_bundle_is_written_as_a_spiffe_jwk_set()
    {
        using var ca = TestPki.Root(_clock);
        var bundle = new TrustBundle { TrustDomain = TestPki.Td, X509Authorities = ca.Roots, SequenceNumber = 3, RefreshHint = TimeSpan.FromMinutes(5) };
        using var json = JsonDocument.Parse(bundle.ToJwks());
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("spiffe_sequence").GetInt64());
        Assert.Equal(300, root.GetProperty("spiffe_refresh_hint").GetInt64());
        var key = Assert.Single(root.GetProperty("keys").EnumerateArray());
        Assert.Equal(["use", "kty", "crv", "x", "y", "x5c"], key.EnumerateObject().Select(p => p.Name));
        Assert.Equal("x509-svid", key.GetProperty("use").GetString());
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.Equal(43, key.GetProperty("x").GetString()!.Length);
        Assert.Equal(Convert.ToBase64String(ca.Certificate.RawData), Assert.Single(key.GetProperty("x5c").EnumerateArray()).GetString());
    }

    [Fact]
    public void Jwks_and_pem_bundles_round_trip()
    {
        using var ca = TestPki.Root(_clock);
        using var upstream = TestPki.Upstream(_clock.Now - TimeSpan.FromDays(1), TimeSpan.FromDays(30), rsa: true);
        var jwt = new JwtAuthority("key-1", """{"use":"jwt-svid","kty":"EC","kid":"key-1","crv":"P-256","x":"abc","y":"def"}""");
        var bundle = new TrustBundle
        {
            TrustDomain = TestPki.Td, X509Authorities = [ca.Certificate, upstream.Certificate], JwtAuthorities = [jwt], SequenceNumber = 7,
        };
        var parsed = BundleParser.Parse(TestPki.Td, bundle.ToJwks());
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors));
        Assert.Equal([ca.Certificate.Thumbprint, upstream.Certificate.Thumbprint], parsed.Bundle.X509Authorities.Select(c => c.Thumbprint));
        Assert.Equal("key-1", Assert.Single(parsed.Bundle.JwtAuthorities).KeyId);
        Assert.Equal(7UL, parsed.Bundle.SequenceNumber);
        Assert.Null(parsed.Bundle.RefreshHint);
        Assert.Equal(bundle.ToJwks(), parsed.Bundle.ToJwks());
        using (var doc = JsonDocument.Parse(bundle.ToJwks()))
            Assert.Equal("RSA", doc.RootElement.GetProperty("keys")[1].GetProperty("kty").GetString());

        var pem = BundleParser.Parse(TestPki.Td, bundle.ToPem());
        Assert.True(pem.Succeeded);
        Assert.Equal(2, pem.Bundle.X509Authorities.Count);
        Assert.True(pem.Bundle.ContainsAuthority(upstream.Certificate));
        Assert.Equal([.. ca.Certificate.RawData, .. upstream.Certificate.RawData], bundle.X509AuthoritiesDer());
    }

    [Theory]
    [InlineData("{", "bundle is not valid JSON: ")]
    [InlineData("""{"x": 1}""", BundleErrors.NoKeys)]
    [InlineData("""{"keys": [1]}""", "keys[0] is not an object")]
    [InlineData("""{"keys": [{"use":"x509-svid"}]}""", "keys[0]: an x509-svid key must have exactly one x5c certificate")]
    [InlineData("""{"keys": [{"use":"x509-svid","x5c":["!!"]}]}""", "keys[0]: x5c is not a base64 DER certificate: ")]
    [InlineData("""{"keys": [{"use":"jwt-svid","kty":"EC"}]}""", "keys[0]: a jwt-svid key must have a \"kid\"")]
    [InlineData("""{"keys": [{"use":"jwt-svid","kid":"a"}], "spiffe_sequence": -1}""", "spiffe_sequence must be a non-negative integer: -1")]
    [InlineData("""{"keys": [{"use":"jwt-svid","kid":"a"}], "spiffe_refresh_hint": "5m"}""", "spiffe_refresh_hint must be a non-negative number of seconds: \"5m\"")]
    [InlineData("garbage", IdentityErrors.NoCertificate)]
    public void Malformed_bundles_are_reported(string text, string error)
    {
        var result = BundleParser.Parse(TestPki.Td, text);
        Assert.False(result.Succeeded);
        Assert.StartsWith(error, Assert.Single(result.Errors));
    }

    [Fact]
    public void Keys_of_unknown_use_are_ignored_with_a_warning()
    {
        using var ca = TestPki.Root(_clock);
        var x5c = Convert.ToBase64String(ca.Certificate.RawData);
        var result = BundleParser.Parse(TestPki.Td, $$"""{"keys": [{"kty":"EC"}, {"use":"enc","kty":"EC"}, {"use":"x509-svid","x5c":["{{x5c}}"]}]}""");
        Assert.True(result.Succeeded);
        Assert.Equal(["keys[0] ignored: it has no \"use\" (expected \"x509-svid\" or \"jwt-svid\")", "keys[1] ignored: unknown use \"enc\""], result.Warnings);
        Assert.Single(result.Bundle.X509Authorities);
        var empty = BundleParser.Parse(TestPki.Td, """{"keys": []}""");
        Assert.True(empty.Succeeded);
        Assert.Equal([BundleErrors.EmptyBundle], empty.Warnings);
    }

    [Fact]
    public void Key_parameters_that_contradict_x5c_are_rejected_and_good_keys_still_load()
    {
        using var ca = TestPki.Root(_clock);
        using var other = TestPki.Root(_clock);
        var good = Convert.ToBase64String(ca.Certificate.RawData);
        var text = $$"""{"keys": [{"use":"x509-svid","kty":"EC","x":"AAAA","x5c":["{{good}}"]}, {"use":"x509-svid","x5c":["{{Convert.ToBase64String(other.Certificate.RawData)}}"]}]}""";
        var result = BundleParser.Parse(TestPki.Td, text);
        Assert.Equal(["keys[0]: the key parameters do not match the x5c certificate's public key"], result.Errors);
        Assert.Equal(other.Certificate.Thumbprint, Assert.Single(result.Bundle!.X509Authorities).Thumbprint);
    }

    [Fact]
    public void A_bundle_set_keeps_one_bundle_per_trust_domain()
    {
        using var a = TestPki.Root(_clock);
        using var b = TestPki.Root(_clock, "partner.example");
        using var a2 = TestPki.Root(_clock);
        var set = BundleSet.Of(
            new TrustBundle { TrustDomain = a.TrustDomain, X509Authorities = a.Roots },
            new TrustBundle { TrustDomain = b.TrustDomain, X509Authorities = b.Roots });
        Assert.Equal(["example.org", "partner.example"], set.Bundles.Select(x => x.TrustDomain.Name));
        var replaced = set.With(new TrustBundle { TrustDomain = a.TrustDomain, X509Authorities = a2.Roots });
        Assert.True(replaced.TryGet(TestPki.Td, out var bundle));
        Assert.Equal(a2.Certificate.Thumbprint, Assert.Single(bundle.X509Authorities).Thumbprint);
        Assert.True(set.TryGet(TestPki.Td, out bundle));
        Assert.Equal(a.Certificate.Thumbprint, Assert.Single(bundle.X509Authorities).Thumbprint);
        Assert.False(set.Without(TestPki.Td).TryGet(TestPki.Td, out _));
        Assert.False(BundleSet.Empty.TryGet(TestPki.Td, out _));
    }
}
