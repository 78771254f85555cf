using System.Security.Cryptography.X509Certificates;
using Verity.Identity.Bundles;
using Verity.Identity.Validation;
using Verity.Identity.X509;

namespace Verity.Identity.Tests;

/// <summary>Each X.509-SVID rule is reported by its stable ID with exactly what was found.</summary>
public sealed class SvidInspectorTests
{
    private readonly ManualClock _clock = new();

    private static RuleResult Result(SvidReport report, SvidRule rule) => report.Results.Single(r => r.Rule == rule);

    [Fact]
    public void An_issued_svid_passes_every_rule_and_chains_to_its_bundle()
    {
        using var ca = TestPki.Root(_clock);
        using var svid = TestPki.Issue(ca, _clock);
        var bundles = BundleSet.Of(new TrustBundle { TrustDomain = ca.TrustDomain, X509Authorities = ca.Roots });
        var report = SvidInspector.Inspect(svid.Chain, _clock, bundles);
        Assert.True(report.IsValid, string.Join("\n", report.Failures.Select(f => f.Message)));
        Assert.Equal(SvidRules.All, report.Results.Select(r => r.Rule));
        Assert.All(report.Results, r => Assert.Equal(RuleOutcome.Pass, r.Outcome));
        Assert.Equal(svid.Id, report.Id);
        Assert.Equal("verified through 2 certificate(s) to a bundle authority", Result(report, SvidRules.ChainsToBundle).Message);
    }

    [Fact]
    public void An_svid_through_an_intermediate_chains_to_the_upstream_root()
    {
        using var upstream = TestPki.Upstream(_clock.Now - TimeSpan.FromDays(1), TimeSpan.FromDays(30));
        using var ca = CertificateAuthorities.CreateIntermediate(TestPki.Options(), upstream, _clock).Authority!;
        using var svid = TestPki.Issue(ca, _clock);
        var report = SvidInspector.Inspect(svid.Chain, _clock, BundleSet.Of(new TrustBundle { TrustDomain = ca.TrustDomain, X509Authorities = ca.Roots }));
        Assert.True(report.IsValid, string.Join("\n", report.Failures.Select(f => f.Message)));
        Assert.Equal(RuleOutcome.Pass, Result(report, SvidRules.SigningCertificates).Outcome);
        Assert.Equal("verified through 3 certificate(s) to a bundle authority", Result(report, SvidRules.ChainsToBundle).Message);
    }

    [Fact]
    public void Without_a_bundle_the_chain_rules_are_skipped()
    {
        using var ca = TestPki.Root(_clock);
        using var svid = TestPki.Issue(ca, _clock);
        var report = SvidInspector.Inspect(svid.Chain, _clock);
        Assert.True(report.IsValid);
        Assert.Equal((RuleOutcome.Skip, "skipped: no bundle given (--bundle)"), (Result(report, SvidRules.ChainsToBundle).Outcome, Result(report, SvidRules.ChainsToBundle).Message));
    }

    public static TheoryData<string, string, string> Broken => new()
    {
        { "no-uri", "uri-san-present", "leaf certificate contains no URI SAN" },
        { "two-uris", "uri-san-single", "leaf certificate contains more than one URI SAN (2: spiffe://example.org/a, spiffe://example.org/b)" },
        { "bad-id", "spiffe-id-valid", "invalid SPIFFE ID \"https://example.org/a\": scheme is missing or invalid" },
        { "td-id", "spiffe-id-has-path", "leaf SPIFFE ID spiffe://example.org has no path: it names the trust domain, not a workload" },
        { "ca", "leaf-not-ca", "leaf certificate must not have CA flag set to true" },
        { "cert-sign", "key-usage-no-cert-sign", "leaf certificate must not have 'keyCertSign' set as key usage" },
        { "crl-sign", "key-usage-no-crl-sign", "leaf certificate must not have 'cRLSign' set as key usage" },
        { "no-digital-signature", "key-usage-digital-signature", "leaf certificate must have 'digitalSignature' set as key usage" },
        { "no-key-usage", "key-usage-critical", "leaf certificate has no key usage extension" },
        { "usage-not-critical", "key-usage-critical", "the key usage extension must be marked critical" },
        { "future", "not-before", "certificate is not yet valid: NotBefore 2026-11-27 13:00:00Z is after now (2026-11-27 12:00:00Z)" },
        { "expired", "not-after", "certificate has expired: NotAfter 2026-11-27 11:00:00Z is before now (2026-11-27 12:00:00Z)" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_rule_is_reported_exactly(string kind, string ruleId, string message)
    {
        using var ca = TestPki.Root(new ManualClock(ManualClock.Epoch - TimeSpan.FromHours(3)));
        var now = _clock.Now;
        using var leaf = kind switch
        {
            "no-uri" => BadLeaves.Make(ca, now, uris: []),
            "two-uris" => BadLeaves.Make(ca, now, uris: ["spiffe://example.org/a", "spiffe://example.org/b"]),
            "bad-id" => BadLeaves.Make(ca, now, uris: ["https://example.org/a"]),
            "td-id" => BadLeaves.Make(ca, now, uris: ["spiffe://example.org"]),
            "ca" => BadLeaves.Make(ca, now, isCa: true),
            "cert-sign" => BadLeaves.Make(ca, now, usage: X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign),
            "crl-sign" => BadLeaves.Make(ca, now, usage: X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.CrlSign),
            "no-digital-signature" => BadLeaves.Make(ca, now, usage: X509KeyUsageFlags.KeyEncipherment),
            "no-key-usage" => BadLeaves.Make(ca, now, usage: null),
            "usage-not-critical" => BadLeaves.Make(ca, now, usageCritical: false),
            "future" => BadLeaves.Make(ca, now, start: TimeSpan.FromHours(1)),
            "expired" => BadLeaves.Make(ca, now, start: TimeSpan.FromHours(-2)),
            _ => throw new ArgumentException(kind),
        };
        var bundles = BundleSet.Of(new TrustBundle { TrustDomain = ca.TrustDomain, X509Authorities = ca.Roots });
        var report = SvidInspector.Inspect([leaf], _clock, bundles);
        Assert.False(report.IsValid);
        var failure = report.Results.First(r => r.Outcome == RuleOutcome.Fail);
        Assert.Equal((ruleId, message), (failure.Rule.Id, failure.Message));
    }

    [Fact]
    public void Two_uri_sans_leave_the_id_rules_skipped_and_spiffe_id_unset()
    {
        using var ca = TestPki.Root(_clock);
        using var leaf = BadLeaves.Make(ca, _clock.Now, uris: ["spiffe://example.org/a", "spiffe://example.org/b"]);
        var report = SvidInspector.Inspect([leaf], _clock);
        Assert.Null(report.Id);
        Assert.Equal(["uri-san-single"], report.Failures.Select(f => f.Rule.Id));
        Assert.Equal(RuleOutcome.Skip, Result(report, SvidRules.SpiffeIdValid).Outcome);
    }

    [Fact]
    public void Missing_extended_key_usages_only_warn()
    {
        using var ca = TestPki.Root(_clock);
        using var leaf = BadLeaves.Make(ca, _clock.Now, eku: [CertificateFields.ServerAuthOid]);
        var report = SvidInspector.Inspect([leaf], _clock);
        Assert.True(report.IsValid);
        var eku = Result(report, SvidRules.ExtendedKeyUsage);
        Assert.Equal((RuleOutcome.Warn, "extended key usage should include serverAuth and clientAuth; missing clientAuth"), (eku.Outcome, eku.Message));
        using var none = BadLeaves.Make(ca, _clock.Now, eku: []);
        Assert.Equal(RuleOutcome.Warn, Result(SvidInspector.Inspect([none], _clock), SvidRules.ExtendedKeyUsage).Outcome);
    }

    [Fact]
    public void A_leaf_of_another_ca_or_trust_domain_does_not_chain()
    {
        using var ca = TestPki.Root(_clock);
        using var stranger = TestPki.Root(_clock);
        using var svid = TestPki.Issue(stranger, _clock);
        var bundles = BundleSet.Of(new TrustBundle { TrustDomain = ca.TrustDomain, X509Authorities = ca.Roots });
        var report = SvidInspector.Inspect(svid.Chain, _clock, bundles);
        Assert.Equal(["chains-to-bundle"], report.Failures.Select(f => f.Rule.Id));
        Assert.StartsWith("could not verify leaf certificate: ", Result(report, SvidRules.ChainsToBundle).Message);

        using var partner = TestPki.Root(_clock, "partner.example");
        using var partnerSvid = TestPki.Issue(partner, _clock, "spiffe://partner.example/api");
        report = SvidInspector.Inspect(partnerSvid.Chain, _clock, bundles);
        Assert.Equal(["bundle-for-trust-domain"], report.Failures.Select(f => f.Rule.Id));
        Assert.Equal("no bundle for trust domain partner.example", Result(report, SvidRules.BundleForTrustDomain).Message);
        Assert.True(SvidInspector.Inspect(partnerSvid.Chain, _clock, bundles.With(new TrustBundle { TrustDomain = partner.TrustDomain, X509Authorities = partner.Roots })).IsValid);
    }

    [Fact]
    public void Name_constraints_stop_a_ca_from_vouching_for_another_trust_domain()
    {
        using var ca = TestPki.Root(_clock);
        using var leaf = BadLeaves.Make(ca, _clock.Now, uris: ["spiffe://evil.org/a"]);
        var bundles = BundleSet.Of(new TrustBundle { TrustDomain = TrustDomain.Parse("evil.org"), X509Authorities = ca.Roots });
        var report = SvidInspector.Inspect([leaf], _clock, bundles);
        Assert.Equal(["chains-to-bundle"], report.Failures.Select(f => f.Rule.Id));
    }

    [Fact]
    public void A_non_ca_in_the_chain_is_reported()
    {
        using var ca = TestPki.Root(_clock);
        using var svid = TestPki.Issue(ca, _clock);
        using var other = TestPki.Issue(ca, _clock, "spiffe://example.org/other");
        var report = SvidInspector.Inspect([svid.Leaf, other.Leaf], _clock);
        var failure = Assert.Single(report.Failures);
        Assert.Equal("signing-certificates", failure.Rule.Id);
        Assert.Equal("chain certificate 1 (O=Verity) is not a CA (cA=false or no basicConstraints)", failure.Message);
    }
}
