using System.Text.Json;
using System.Text.Json.Nodes;
using Verity.Identity.Bundles;
using Verity.Identity.X509;

namespace Verity.Identity.Store;

/// <summary>
/// The CA's state on disk — the only file I/O of Verity.Identity. A CA directory holds <c>ca.crt</c> (the CA certificate, then
/// its intermediates), <c>ca.key</c> (PKCS#8, mode 0600), <c>bundle.crt</c> (the trust anchors, PEM),
/// <c>bundle.jwks.json</c> (the SPIFFE bundle) and <c>ca.json</c> (trust domain and TTLs). The upstream CA's key is never stored.
/// </summary>
public sealed class CaDirectory(string path)
{
    public const string CertificateFile = "ca.crt";
    public const string KeyFile = "ca.key";
    public const string BundlePemFile = "bundle.crt";
    public const string BundleJwksFile = "bundle.jwks.json";
    public const string ConfigFile = "ca.json";
    public const string SvidCertificateFile = "svid.crt";
    public const string SvidKeyFile = "svid.key";

    /// <summary>The refresh hint written in the bundle: how often federated peers should poll (SPIRE's default, 5 minutes).</summary>
    public static readonly TimeSpan DefaultRefreshHint = TimeSpan.FromMinutes(5);

    public string Path { get; } = path;

    /// <summary>True when a CA certificate or key is already there (init refuses to overwrite it without --force).</summary>
    public bool HasCa => System.IO.File.Exists(FilePath(CertificateFile)) || System.IO.File.Exists(FilePath(KeyFile));

    /// <summary>Writes every file of the CA; replaces existing ones (the caller decides whether that is allowed).</summary>
    public void Save(X509Authority ca, CaOptions options)
    {
        SecureFile.CreateDirectory(Path);
        var (certificates, key) = ca.ToPem();
        SecureFile.Write(FilePath(KeyFile), key, secret: true);
        SecureFile.Write(FilePath(CertificateFile), certificates, secret: false);
        var bundle = BundleOf(ca);
        SecureFile.Write(FilePath(BundlePemFile), bundle.ToPem(), secret: false);
        SecureFile.Write(FilePath(BundleJwksFile), bundle.ToJwks(), secret: false);
        var config = new JsonObject
        {
            ["trust_domain"] = options.TrustDomain.Name,
            ["ca_ttl"] = GoDuration.Format(options.CaTtl),
            ["leaf_ttl"] = GoDuration.Format(options.LeafTtl),
            ["name_constraints"] = options.NameConstraints,
        };
        SecureFile.Write(FilePath(ConfigFile), config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", secret: false);
    }

    /// <summary>The SPIFFE bundle of a freshly saved CA (sequence 1).</summary>
    public static TrustBundle BundleOf(X509Authority ca) =>
        new() { TrustDomain = ca.TrustDomain, X509Authorities = ca.Roots, SequenceNumber = 1, RefreshHint = DefaultRefreshHint };

    public StoredCa Load()
    {
        try
        {
            return LoadFiles();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot read CA directory {Path}: {e.Message}");
        }
    }

    private StoredCa LoadFiles()
    {
        if (!Directory.Exists(Path)) return Fail($"CA directory {Path} does not exist; create a CA with 'verity identity ca init'");
        foreach (var name in new[] { CertificateFile, KeyFile, BundlePemFile })
            if (!System.IO.File.Exists(FilePath(name))) return Fail($"{FilePath(name)} is missing; is {Path} a CA directory made by 'verity identity ca init'?");
        var result = CertificateAuthorities.Load(Read(CertificateFile), Read(KeyFile), Read(BundlePemFile));
        if (!result.Succeeded) return Fail(result.Errors.Select(e => $"{FilePath(CertificateFile)}: {e}").ToArray());
        var options = new CaOptions { TrustDomain = result.Authority.TrustDomain };
        if (System.IO.File.Exists(FilePath(ConfigFile)))
        {
            try
            {
                var config = JsonNode.Parse(Read(ConfigFile));
                if (GoDuration.TryParse((string?)config?["leaf_ttl"], out var leafTtl, out _)) options = options with { LeafTtl = leafTtl };
                if (GoDuration.TryParse((string?)config?["ca_ttl"], out var caTtl, out _)) options = options with { CaTtl = caTtl };
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                return Fail($"{FilePath(ConfigFile)}: {e.Message}");
            }
        }
        return new StoredCa { Authority = result.Authority, Options = options };
    }

    /// <summary>Writes an SVID to <paramref name="directory"/>: <c>svid.crt</c> (leaf, then intermediates), <c>svid.key</c> (0600), <c>bundle.crt</c>.</summary>
    public static void WriteSvid(string directory, X509Svid svid, TrustBundle bundle)
    {
        SecureFile.CreateDirectory(directory);
        var (certificates, key) = svid.ToPem();
        SecureFile.Write(System.IO.Path.Combine(directory, SvidKeyFile), key, secret: true);
        SecureFile.Write(System.IO.Path.Combine(directory, SvidCertificateFile), certificates, secret: false);
        SecureFile.Write(System.IO.Path.Combine(directory, BundlePemFile), bundle.ToPem(), secret: false);
    }

    /// <summary>The stored bundle, JWKS first (it carries the sequence number), else the PEM.</summary>
    public BundleParseResult LoadBundle(TrustDomain trustDomain) =>
        System.IO.File.Exists(FilePath(BundleJwksFile))
            ? BundleParser.Parse(trustDomain, Read(BundleJwksFile))
            : BundleParser.Parse(trustDomain, Read(BundlePemFile));

    private string FilePath(string name) => System.IO.Path.Combine(Path, name);

    private string Read(string name) => System.IO.File.ReadAllText(FilePath(name));

    private static StoredCa Fail(params string[] errors) => new() { Errors = errors };
}
