namespace Verity.Identity.X509;

/// <summary>Every error text of the CA, issuance and PEM loading, in one place (SPIFFE ID texts live in <see cref="SpiffeIdErrors"/>).</summary>
public static class IdentityErrors
{
    public const string MissingTrustDomain = "a trust domain is required";

    public static string NonPositiveTtl(string what, TimeSpan ttl) => $"{what} must be positive, not {GoDuration.Format(ttl)}";

    public static string CaTtlTooShort(TimeSpan caTtl, TimeSpan leafTtl) =>
        $"CA TTL {GoDuration.Format(caTtl)} is too short for leaf TTL {GoDuration.Format(leafTtl)}: the CA must live at least {CaOptions.MinCaToLeafRatio}× the leaf TTL ({GoDuration.Format(leafTtl * CaOptions.MinCaToLeafRatio)}) so it can rotate before its leaves outlive it";

    public static string UpstreamShortensCa(DateTimeOffset upstreamNotAfter, TimeSpan life, TimeSpan leafTtl) =>
        $"the upstream CA expires at {upstreamNotAfter:u}, leaving this CA only {GoDuration.Format(life)}, less than {CaOptions.MinCaToLeafRatio}× the leaf TTL {GoDuration.Format(leafTtl)}";

    public const string UpstreamNotCa = "the upstream certificate is not a CA (basicConstraints cA=false or missing)";
    public const string UpstreamNoCertSign = "the upstream certificate's key usage does not allow keyCertSign";
    public const string UpstreamUnsupportedKey = "the upstream key must be ECDSA (P-256/P-384/P-521) or RSA";
    public static string UpstreamNotValid(DateTimeOffset notBefore, DateTimeOffset notAfter) => $"the upstream certificate is not valid now (valid {notBefore:u} to {notAfter:u})";

    public const string NoCertificate = "no PEM CERTIFICATE block found";
    public static string BadCertificate(string detail) => $"cannot read certificate: {detail}";
    public static string BadKey(string detail) => $"cannot read private key (it must be a PKCS#8, EC or RSA PEM key matching the first certificate): {detail}";
    public const string CaHasNoTrustDomain = "the CA certificate has no spiffe:// URI SAN naming its trust domain";

    public static string NotInTrustDomain(SpiffeId id, TrustDomain td) => $"{id} is not in trust domain {td}: this CA only signs IDs of spiffe://{td}";
    public static string TrustDomainIdForLeaf(SpiffeId id) => $"{id} names a trust domain, not a workload: an X.509-SVID's SPIFFE ID needs a path";
    public static string CaNotValid(DateTimeOffset notBefore, DateTimeOffset notAfter, DateTimeOffset now) =>
        $"the CA is not valid at {now:u} (valid {notBefore:u} to {notAfter:u})";
    public static string InvalidDnsName(string name) => $"invalid DNS SAN \"{name}\"";
}
