using System.Security.Cryptography.X509Certificates;
using Verity.Identity.Bundles;
using Verity.Identity.X509;

namespace Verity.Identity.Validation;

/// <summary>
/// Checks a certificate chain (leaf first) as an X.509-SVID and reports every rule of <see cref="SvidRules"/> — it never
/// stops at the first failure. Time comes from the injected clock; with bundles, the chain is path-validated (RFC 5280,
/// by the platform's X.509 chain engine, no network, no revocation) against the bundle of the leaf's trust domain.
/// </summary>
public static class SvidInspector
{
    public static SvidReport Inspect(IReadOnlyList<X509Certificate2> chain, TimeProvider time, BundleSet? bundles = null)
    {
        if (chain.Count == 0) throw new ArgumentException("the chain is empty", nameof(chain));
        var leaf = chain[0];
        var now = time.GetUtcNow();
        var results = new List<RuleResult>();
        void Add(SvidRule rule, RuleOutcome outcome, string message) => results.Add(new RuleResult(rule, outcome, message));

        var uris = CertificateFields.UriSans(leaf);
        Add(SvidRules.UriSanPresent, uris.Count > 0 ? RuleOutcome.Pass : RuleOutcome.Fail, uris.Count > 0 ? SvidRules.Ok : SvidRules.NoUriSan);
        Add(SvidRules.UriSanSingle, uris.Count switch { 1 => RuleOutcome.Pass, 0 => RuleOutcome.Skip, _ => RuleOutcome.Fail },
            uris.Count switch { 1 => SvidRules.Ok, 0 => SvidRules.NoSingleUriSan, _ => SvidRules.ManyUriSans(uris) });
        SpiffeId? id = null;
        if (uris.Count != 1) Add(SvidRules.SpiffeIdValid, RuleOutcome.Skip, SvidRules.NoSingleUriSan);
        else if (SpiffeId.TryParse(uris[0], out var parsed, out var error))
        {
            id = parsed;
            Add(SvidRules.SpiffeIdValid, RuleOutcome.Pass, parsed.ToString());
        }
        else Add(SvidRules.SpiffeIdValid, RuleOutcome.Fail, error);
        if (id is { } spiffeId) Add(SvidRules.SpiffeIdHasPath, spiffeId.IsTrustDomainId ? RuleOutcome.Fail : RuleOutcome.Pass, spiffeId.IsTrustDomainId ? SvidRules.IdNoPath(spiffeId) : SvidRules.Ok);
        else Add(SvidRules.SpiffeIdHasPath, RuleOutcome.Skip, SvidRules.NoValidId);

        var isCa = leaf.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is { CertificateAuthority: true };
        Add(SvidRules.LeafNotCa, isCa ? RuleOutcome.Fail : RuleOutcome.Pass, isCa ? SvidRules.LeafIsCa : SvidRules.Ok);
        CheckKeyUsage(leaf, Add);
        CheckExtendedKeyUsage(leaf, Add);

        var notBefore = new DateTimeOffset(leaf.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = new DateTimeOffset(leaf.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        Add(SvidRules.NotBefore, now < notBefore ? RuleOutcome.Fail : RuleOutcome.Pass, now < notBefore ? SvidRules.NotYetValid(notBefore, now) : $"{notBefore:u}");
        Add(SvidRules.NotAfter, now > notAfter ? RuleOutcome.Fail : RuleOutcome.Pass, now > notAfter ? SvidRules.Expired(notAfter, now) : $"{notAfter:u}");
        CheckSigningCertificates(chain, Add);
        CheckChain(chain, id, now, bundles, Add);
        return new SvidReport { Id = id, Results = results };
    }

    private static void CheckKeyUsage(X509Certificate2 leaf, Action<SvidRule, RuleOutcome, string> add)
    {
        var usage = leaf.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (usage is null)
        {
            add(SvidRules.KeyUsageCritical, RuleOutcome.Fail, SvidRules.NoKeyUsage);
            add(SvidRules.KeyUsageDigitalSignature, RuleOutcome.Fail, SvidRules.NoDigitalSignature);
            add(SvidRules.KeyUsageNoCertSign, RuleOutcome.Skip, SvidRules.NoKeyUsageToCheck);
            add(SvidRules.KeyUsageNoCrlSign, RuleOutcome.Skip, SvidRules.NoKeyUsageToCheck);
            return;
        }
        var flags = usage.KeyUsages;
        add(SvidRules.KeyUsageCritical, usage.Critical ? RuleOutcome.Pass : RuleOutcome.Fail, usage.Critical ? SvidRules.Ok : SvidRules.KeyUsageNotCritical);
        var signs = flags.HasFlag(X509KeyUsageFlags.DigitalSignature);
        add(SvidRules.KeyUsageDigitalSignature, signs ? RuleOutcome.Pass : RuleOutcome.Fail, signs ? SvidRules.Ok : SvidRules.NoDigitalSignature);
        var certSign = flags.HasFlag(X509KeyUsageFlags.KeyCertSign);
        add(SvidRules.KeyUsageNoCertSign, certSign ? RuleOutcome.Fail : RuleOutcome.Pass, certSign ? SvidRules.HasCertSign : SvidRules.Ok);
        var crlSign = flags.HasFlag(X509KeyUsageFlags.CrlSign);
        add(SvidRules.KeyUsageNoCrlSign, crlSign ? RuleOutcome.Fail : RuleOutcome.Pass, crlSign ? SvidRules.HasCrlSign : SvidRules.Ok);
    }

    private static void CheckExtendedKeyUsage(X509Certificate2 leaf, Action<SvidRule, RuleOutcome, string> add)
    {
        var eku = leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        if (eku is null)
        {
            add(SvidRules.ExtendedKeyUsage, RuleOutcome.Warn, SvidRules.NoExtendedKeyUsage);
            return;
        }
        var oids = eku.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value).ToHashSet();
        var missing = new List<string>();
        if (!oids.Contains(CertificateFields.ServerAuthOid)) missing.Add("serverAuth");
        if (!oids.Contains(CertificateFields.ClientAuthOid)) missing.Add("clientAuth");
        add(SvidRules.ExtendedKeyUsage, missing.Count == 0 ? RuleOutcome.Pass : RuleOutcome.Warn,
            missing.Count == 0 ? SvidRules.Ok : SvidRules.MissingExtendedKeyUsage(string.Join(" and ", missing)));
    }

    private static void CheckSigningCertificates(IReadOnlyList<X509Certificate2> chain, Action<SvidRule, RuleOutcome, string> add)
    {
        if (chain.Count == 1)
        {
            add(SvidRules.SigningCertificates, RuleOutcome.Pass, SvidRules.NoSigningCertificates);
            return;
        }
        var problems = new List<string>();
        for (var i = 1; i < chain.Count; i++)
        {
            var c = chain[i];
            if (c.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true }) problems.Add(SvidRules.SigningNotCa(i, c.Subject));
            else if (c.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } u && !u.KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign))
                problems.Add(SvidRules.SigningNoCertSign(i, c.Subject));
        }
        add(SvidRules.SigningCertificates, problems.Count == 0 ? RuleOutcome.Pass : RuleOutcome.Fail, problems.Count == 0 ? SvidRules.Ok : string.Join("; ", problems));
    }

    private static void CheckChain(IReadOnlyList<X509Certificate2> certificates, SpiffeId? id, DateTimeOffset now, BundleSet? bundles, Action<SvidRule, RuleOutcome, string> add)
    {
        if (bundles is null)
        {
            add(SvidRules.BundleForTrustDomain, RuleOutcome.Skip, SvidRules.NoBundleGiven);
            add(SvidRules.ChainsToBundle, RuleOutcome.Skip, SvidRules.NoBundleGiven);
            return;
        }
        if (id is not { } spiffeId)
        {
            add(SvidRules.BundleForTrustDomain, RuleOutcome.Skip, SvidRules.NoValidId);
            add(SvidRules.ChainsToBundle, RuleOutcome.Skip, SvidRules.NoValidId);
            return;
        }
        if (!bundles.TryGet(spiffeId.TrustDomain, out var bundle) || bundle.X509Authorities.Count == 0)
        {
            add(SvidRules.BundleForTrustDomain, RuleOutcome.Fail, SvidRules.NoBundle(spiffeId.TrustDomain));
            add(SvidRules.ChainsToBundle, RuleOutcome.Skip, SvidRules.NoBundle(spiffeId.TrustDomain));
            return;
        }
        add(SvidRules.BundleForTrustDomain, RuleOutcome.Pass, spiffeId.TrustDomain.Name);
        var (verified, message) = ChainVerifier.Verify(certificates, bundle.X509Authorities, now);
        add(SvidRules.ChainsToBundle, verified ? RuleOutcome.Pass : RuleOutcome.Fail, message);
    }
}
