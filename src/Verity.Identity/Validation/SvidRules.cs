namespace Verity.Identity.Validation;

/// <summary>
/// Every rule <see cref="SvidInspector"/> checks and every message it can print, in one place. Rule IDs are stable.
/// References are sections of https://github.com/spiffe/spiffe/blob/main/standards/X509-SVID.md (and RFC 5280 for time and path).
/// Failure texts follow go-spiffe's and the Rust spiffe crate's wording where they have one.
/// </summary>
public static class SvidRules
{
    private const string Std = "X509-SVID.md";

    public static readonly SvidRule UriSanPresent = new("uri-san-present", "the leaf has a URI SAN holding its SPIFFE ID", $"{Std} §2");
    public static readonly SvidRule UriSanSingle = new("uri-san-single", "the leaf has exactly one URI SAN", $"{Std} §2");
    public static readonly SvidRule SpiffeIdValid = new("spiffe-id-valid", "the URI SAN is a valid SPIFFE ID", "SPIFFE-ID.md §2");
    public static readonly SvidRule SpiffeIdHasPath = new("spiffe-id-has-path", "the leaf's SPIFFE ID names a workload (has a path), not the trust domain", $"{Std} §3.1");
    public static readonly SvidRule LeafNotCa = new("leaf-not-ca", "the leaf's basicConstraints has cA=false", $"{Std} §4.1");
    public static readonly SvidRule KeyUsageCritical = new("key-usage-critical", "the leaf has a key usage extension marked critical", $"{Std} §4.3");
    public static readonly SvidRule KeyUsageDigitalSignature = new("key-usage-digital-signature", "the leaf's key usage includes digitalSignature", $"{Std} §4.3");
    public static readonly SvidRule KeyUsageNoCertSign = new("key-usage-no-cert-sign", "the leaf's key usage excludes keyCertSign", $"{Std} §4.3");
    public static readonly SvidRule KeyUsageNoCrlSign = new("key-usage-no-crl-sign", "the leaf's key usage excludes cRLSign", $"{Std} §4.3");
    public static readonly SvidRule ExtendedKeyUsage = new("ext-key-usage", "the leaf's extended key usage includes serverAuth and clientAuth (SHOULD)", $"{Std} §4.4");
    public static readonly SvidRule NotBefore = new("not-before", "the leaf is already valid (NotBefore ≤ now)", "RFC 5280 §4.1.2.5");
    public static readonly SvidRule NotAfter = new("not-after", "the leaf has not expired (now ≤ NotAfter)", "RFC 5280 §4.1.2.5");
    public static readonly SvidRule SigningCertificates = new("signing-certificates", "every certificate after the leaf is a CA with keyCertSign", $"{Std} §3.2, §4.1, §4.3");
    public static readonly SvidRule BundleForTrustDomain = new("bundle-for-trust-domain", "a bundle is known for the SPIFFE ID's trust domain", $"{Std} §5.1");
    public static readonly SvidRule ChainsToBundle = new("chains-to-bundle", "the chain verifies up to an X.509 authority of that bundle", $"{Std} §5.1");

    public static IReadOnlyList<SvidRule> All { get; } =
    [
        UriSanPresent, UriSanSingle, SpiffeIdValid, SpiffeIdHasPath, LeafNotCa, KeyUsageCritical, KeyUsageDigitalSignature,
        KeyUsageNoCertSign, KeyUsageNoCrlSign, ExtendedKeyUsage, NotBefore, NotAfter, SigningCertificates, BundleForTrustDomain, ChainsToBundle,
    ];

    public const string Ok = "ok";
    public const string NoUriSan = "leaf certificate contains no URI SAN";
    public static string ManyUriSans(IReadOnlyList<string> uris) => $"leaf certificate contains more than one URI SAN ({uris.Count}: {string.Join(", ", uris)})";
    public const string NoSingleUriSan = "skipped: needs exactly one URI SAN";
    public const string NoValidId = "skipped: needs a valid SPIFFE ID";
    public static string IdNoPath(SpiffeId id) => $"leaf SPIFFE ID {id} has no path: it names the trust domain, not a workload";
    public const string LeafIsCa = "leaf certificate must not have CA flag set to true";
    public const string NoKeyUsage = "leaf certificate has no key usage extension";
    public const string KeyUsageNotCritical = "the key usage extension must be marked critical";
    public const string NoDigitalSignature = "leaf certificate must have 'digitalSignature' set as key usage";
    public const string HasCertSign = "leaf certificate must not have 'keyCertSign' set as key usage";
    public const string HasCrlSign = "leaf certificate must not have 'cRLSign' set as key usage";
    public const string NoKeyUsageToCheck = "skipped: no key usage extension";
    public const string NoExtendedKeyUsage = "leaf certificate has no extended key usage extension; it should list serverAuth and clientAuth";
    public static string MissingExtendedKeyUsage(string missing) => $"extended key usage should include serverAuth and clientAuth; missing {missing}";
    public static string NotYetValid(DateTimeOffset notBefore, DateTimeOffset now) => $"certificate is not yet valid: NotBefore {notBefore:u} is after now ({now:u})";
    public static string Expired(DateTimeOffset notAfter, DateTimeOffset now) => $"certificate has expired: NotAfter {notAfter:u} is before now ({now:u})";
    public const string NoSigningCertificates = "no certificates after the leaf";
    public static string SigningNotCa(int index, string subject) => $"chain certificate {index} ({subject}) is not a CA (cA=false or no basicConstraints)";
    public static string SigningNoCertSign(int index, string subject) => $"chain certificate {index} ({subject}) lacks keyCertSign";
    public const string NoBundleGiven = "skipped: no bundle given (--bundle)";
    public static string NoBundle(TrustDomain td) => $"no bundle for trust domain {td}";
    public static string Verified(int length) => $"verified through {length} certificate(s) to a bundle authority";
    public static string NotVerified(string reasons) => $"could not verify leaf certificate: {reasons}";
}
