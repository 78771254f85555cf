using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Verity.Cli.Tests.Identity;

/// <summary>
/// <c>verity identity ca init | issue | bundle | inspect</c> in-process against a temporary CA directory, at a fixed clock:
/// files and modes written, refusals and exit codes, and inspect's rule report.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class IdentityCliTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("verity-cli-id-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string CaDir => Path.Combine(_dir, "ca");

    private static Task<CliRun> Run(params string[] args) => RunAt(Now, args);

    private static Task<CliRun> RunAt(DateTimeOffset now, params string[] args) => Cli.RunAsync(args, env => env with { Time = new FixedTime(now) });

    private async Task InitAsync(params string[] extra)
    {
        var run = await Run(["identity", "ca", "init", "--trust-domain", "example.org", "--ca-dir", CaDir, .. extra]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
    }

    [Fact]
    public async Task Ca_init_writes_the_ca_directory_with_a_private_key()
    {
        var run = await Run("identity", "ca", "init", "--trust-domain", "example.org", "--ca-dir", CaDir);
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        Assert.Equal($"""
            Created self-signed root CA for spiffe://example.org in {CaDir}
              valid 2026-11-27 11:59:50Z to 2026-11-28 12:00:00Z; X.509-SVIDs default to 1h
              wrote ca.crt, ca.key (0600), bundle.crt, bundle.jwks.json, ca.json

            """, run.Stdout);
        Assert.Equal(["bundle.crt", "bundle.jwks.json", "ca.crt", "ca.json", "ca.key"], Directory.GetFiles(CaDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(CaDir, "ca.key")));
        Assert.DoesNotContain("PRIVATE KEY", run.Stdout);
    }

    [Fact]
    public async Task Ca_init_refuses_to_overwrite_without_force()
    {
        await InitAsync();
        var before = File.ReadAllText(Path.Combine(CaDir, "ca.crt"));
        var again = await Run("identity", "ca", "init", "--trust-domain", "example.org", "--ca-dir", CaDir);
        Assert.Equal(ExitCodes.BadInput, again.ExitCode);
        Assert.Equal($"error: {CaDir} already holds a CA (ca.crt/ca.key); pass --force to replace it\n", again.Stderr);
        Assert.Equal(before, File.ReadAllText(Path.Combine(CaDir, "ca.crt")));
        await InitAsync("--force");
        Assert.NotEqual(before, File.ReadAllText(Path.Combine(CaDir, "ca.crt")));
    }

    [Theory]
    [InlineData(new[] { "--trust-domain", "Example.org" }, "error: --trust-domain: invalid trust domain \"Example.org\": trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores")]
    [InlineData(new[] { "--trust-domain", "example.org", "--ca-ttl", "5h" }, "error: CA TTL 5h is too short for leaf TTL 1h: the CA must live at least 6× the leaf TTL (6h)")]
    [InlineData(new[] { "--trust-domain", "example.org", "--leaf-ttl", "1d" }, "error: --leaf-ttl: invalid duration \"1d\"")]
    [InlineData(new[] { "--trust-domain", "example.org", "--upstream-cert", "a.crt" }, "error: --upstream-cert and --upstream-key go together")]
    [InlineData(new[] { "--trust-domain", "example.org", "--upstream-cert", "/no/such.crt", "--upstream-key", "/no/such.key" }, "error: cannot read /no/such.crt: ")]
    [InlineData(new string[0], "error: Option '--trust-domain' is required.")]
    public async Task Ca_init_rejects_bad_input_with_exit_2(string[] args, string message)
    {
        var run = await Run(["identity", "ca", "init", "--ca-dir", CaDir, .. args]);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith(message, run.Stderr);
        Assert.False(File.Exists(Path.Combine(CaDir, "ca.key")));
    }

    [Fact]
    public async Task Ca_init_under_an_upstream_ca_makes_an_intermediate()
    {
        var (cert, key) = WriteOrganisationCa();
        var run = await Run("identity", "ca", "init", "--trust-domain", "example.org", "--ca-dir", CaDir, "--upstream-cert", cert, "--upstream-key", key);
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        Assert.StartsWith("Created intermediate CA under \"CN=Org Root, O=Example Corp\" for spiffe://example.org", run.Stdout);
        var issued = await Run("identity", "issue", "--ca-dir", CaDir, "--spiffe-id", "spiffe://example.org/web", "--out", Path.Combine(_dir, "out"));
        Assert.Equal(ExitCodes.Ok, issued.ExitCode);
        Assert.Contains("(2 certificate(s))", issued.Stdout);
        var inspect = await Run("identity", "inspect", Path.Combine(_dir, "out", "svid.crt"), "--bundle", Path.Combine(CaDir, "bundle.crt"));
        Assert.Equal(ExitCodes.Ok, inspect.ExitCode);
        Assert.Contains("pass     chains-to-bundle              verified through 3 certificate(s) to a bundle authority", inspect.Stdout);
    }

    [Fact]
    public async Task Issue_writes_an_svid_a_key_and_the_bundle()
    {
        await InitAsync("--leaf-ttl", "30m", "--ca-ttl", "3h");
        var outDir = Path.Combine(_dir, "out");
        var run = await Run("identity", "issue", "--ca-dir", CaDir, "--spiffe-id", "spiffe://example.org/ns/default/sa/web", "--out", outDir);
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        Assert.StartsWith("Issued X.509-SVID for spiffe://example.org/ns/default/sa/web\n  valid 2026-11-27 11:59:50Z to 2026-11-27 12:30:00Z, serial ", run.Stdout);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(outDir, "svid.key")));
        Assert.Equal(File.ReadAllText(Path.Combine(CaDir, "bundle.crt")), File.ReadAllText(Path.Combine(outDir, "bundle.crt")));
        using var leaf = X509Certificate2.CreateFromPemFile(Path.Combine(outDir, "svid.crt"), Path.Combine(outDir, "svid.key"));
        Assert.True(leaf.HasPrivateKey);
        Assert.DoesNotContain("PRIVATE", run.Stdout + run.Stderr);

        var ttl = await Run("identity", "issue", "--ca-dir", CaDir, "--spiffe-id", "spiffe://example.org/a", "--ttl", "10m", "--out", outDir);
        Assert.Contains("to 2026-11-27 12:10:00Z", ttl.Stdout);
    }

    [Fact]
    public async Task Issue_clamps_to_the_ca_and_warns()
    {
        await InitAsync("--ca-ttl", "6h");
        var run = await RunAt(Now + TimeSpan.FromHours(5.5), "identity", "issue", "--ca-dir", CaDir, "--spiffe-id", "spiffe://example.org/a", "--out", Path.Combine(_dir, "o"));
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("warning: the requested lifetime would outlive the CA; the SVID expires with the CA at 2026-11-27 18:00:00Z\n", run.Stderr);
    }

    [Theory]
    [InlineData("spiffe://other.org/a", "error: spiffe://other.org/a is not in trust domain example.org: this CA only signs IDs of spiffe://example.org\n")]
    [InlineData("spiffe://example.org", "error: spiffe://example.org names a trust domain, not a workload: an X.509-SVID's SPIFFE ID needs a path\n")]
    [InlineData("spiffe://example.org/a/", "error: --spiffe-id: invalid SPIFFE ID \"spiffe://example.org/a/\": path cannot have a trailing slash\nRun 'verity identity issue --help' for usage.\n")]
    public async Task Issue_refuses_ids_the_ca_cannot_sign(string id, string stderr)
    {
        await InitAsync();
        var run = await Run("identity", "issue", "--ca-dir", CaDir, "--spiffe-id", id, "--out", Path.Combine(_dir, "o"));
        Assert.Equal((ExitCodes.BadInput, stderr), (run.ExitCode, run.Stderr));
        Assert.False(Directory.Exists(Path.Combine(_dir, "o")));
    }

    [Fact]
    public async Task Issue_for_a_service_account_uses_the_kubernetes_convention()
    {
        await InitAsync();
        var run = await Run("identity", "issue", "--ca-dir", CaDir, "--service-account", "payments/api", "--out", Path.Combine(_dir, "o"));
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        Assert.StartsWith("Issued X.509-SVID for spiffe://example.org/ns/payments/sa/api\n", run.Stdout);

        var both = await Run("identity", "issue", "--ca-dir", CaDir, "--service-account", "a/b", "--spiffe-id", "spiffe://example.org/x", "--out", "o");
        Assert.Equal(ExitCodes.BadInput, both.ExitCode);
        Assert.StartsWith("error: pass exactly one of --spiffe-id and --service-account.", both.Stderr);
        var bad = await Run("identity", "issue", "--ca-dir", CaDir, "--service-account", "payments", "--out", "o");
        Assert.StartsWith("error: --service-account: expected NAMESPACE/NAME, not 'payments'", bad.Stderr);
        var dots = await Run("identity", "issue", "--ca-dir", CaDir, "--service-account", "../x", "--out", "o");
        Assert.Equal((ExitCodes.BadInput, "error: --service-account: invalid path \"/ns/../sa/x\": path cannot contain dot segments\n"), (dots.ExitCode, dots.Stderr));
    }

    [Fact]
    public async Task Issue_without_a_ca_explains()
    {
        var run = await Run("identity", "issue", "--ca-dir", CaDir, "--spiffe-id", "spiffe://example.org/a", "--out", Path.Combine(_dir, "o"));
        Assert.Equal((ExitCodes.BadInput, $"error: CA directory {CaDir} does not exist; create a CA with 'verity identity ca init'\n"), (run.ExitCode, run.Stderr));
    }

    [Fact]
    public async Task Bundle_prints_jwks_or_pem_and_never_a_key()
    {
        await InitAsync();
        var jwks = await Run("identity", "bundle", "--ca-dir", CaDir);
        Assert.Equal(ExitCodes.Ok, jwks.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(CaDir, "bundle.jwks.json")), jwks.Stdout);
        using var doc = JsonDocument.Parse(jwks.Stdout);
        var key = Assert.Single(doc.RootElement.GetProperty("keys").EnumerateArray());
        Assert.Equal("x509-svid", key.GetProperty("use").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("spiffe_sequence").GetInt32());
        Assert.DoesNotContain("\\u", jwks.Stdout);
        var pem = await Run("identity", "bundle", "--ca-dir", CaDir, "-o", "pem");
        Assert.Equal(File.ReadAllText(Path.Combine(CaDir, "bundle.crt")), pem.Stdout);
        Assert.DoesNotContain("PRIVATE", jwks.Stdout + pem.Stdout);
        Assert.Equal(ExitCodes.BadInput, (await Run("identity", "bundle", "--ca-dir", CaDir, "-o", "der")).ExitCode);
    }

    [Fact]
    public async Task Inspect_reports_every_rule_and_exits_1_on_a_broken_one()
    {
        await InitAsync();
        var inspect = await Run("identity", "inspect", Path.Combine(CaDir, "ca.crt"));
        Assert.Equal(ExitCodes.Failed, inspect.ExitCode);
        Assert.Contains("FAIL     leaf-not-ca                   leaf certificate must not have CA flag set to true\n", inspect.Stdout);
        Assert.Contains("FAIL     key-usage-no-cert-sign        leaf certificate must not have 'keyCertSign' set as key usage\n", inspect.Stdout);
        Assert.EndsWith("Not a valid X.509-SVID: 5 rule(s) broken.\n", inspect.Stdout);

        var json = await Run("identity", "inspect", Path.Combine(CaDir, "ca.crt"), "-o", "json");
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.False(doc.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(["spiffe-id-has-path", "leaf-not-ca", "key-usage-digital-signature", "key-usage-no-cert-sign", "key-usage-no-crl-sign"],
            doc.RootElement.GetProperty("rules").EnumerateArray().Where(r => r.GetProperty("outcome").GetString() == "fail").Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Inspect_checks_time_and_the_bundle()
    {
        await InitAsync();
        var outDir = Path.Combine(_dir, "out");
        await Run("identity", "issue", "--ca-dir", CaDir, "--spiffe-id", "spiffe://example.org/a", "--out", outDir);
        var svid = Path.Combine(outDir, "svid.crt");
        var ok = await Run("identity", "inspect", svid, "--bundle", Path.Combine(CaDir, "bundle.jwks.json"));
        Assert.Equal((ExitCodes.Ok, ""), (ok.ExitCode, ok.Stderr));
        Assert.EndsWith("Valid X.509-SVID.\n", ok.Stdout);

        var late = await RunAt(Now + TimeSpan.FromHours(2), "identity", "inspect", svid);
        Assert.Equal(ExitCodes.Failed, late.ExitCode);
        Assert.Contains("FAIL     not-after                     certificate has expired: NotAfter 2026-11-27 13:00:00Z is before now (2026-11-27 14:00:00Z)", late.Stdout);

        var otherCa = Path.Combine(_dir, "other");
        await Run("identity", "ca", "init", "--trust-domain", "example.org", "--ca-dir", otherCa);
        var stranger = await Run("identity", "inspect", svid, "--bundle", Path.Combine(otherCa, "bundle.crt"));
        Assert.Equal(ExitCodes.Failed, stranger.ExitCode);
        Assert.Contains("FAIL     chains-to-bundle              could not verify leaf certificate: ", stranger.Stdout);

        var wrongDomain = await Run("identity", "inspect", svid, "--bundle", Path.Combine(CaDir, "bundle.crt"), "--trust-domain", "partner.example");
        Assert.Contains("FAIL     bundle-for-trust-domain       no bundle for trust domain example.org", wrongDomain.Stdout);
    }

    [Fact]
    public async Task Inspect_verifies_a_federated_svid_against_its_own_trust_domain_bundle()
    {
        await InitAsync();
        var partner = Path.Combine(_dir, "partner");
        await Run("identity", "ca", "init", "--trust-domain", "partner.example", "--ca-dir", partner);
        await Run("identity", "issue", "--ca-dir", partner, "--spiffe-id", "spiffe://partner.example/api", "--out", Path.Combine(_dir, "p"));
        var svid = Path.Combine(_dir, "p", "svid.crt");
        var federated = await Run("identity", "inspect", svid, "--federated-bundle", $"partner.example={Path.Combine(partner, "bundle.jwks.json")}");
        Assert.Equal((ExitCodes.Ok, ""), (federated.ExitCode, federated.Stderr));
        Assert.Contains("pass     bundle-for-trust-domain       partner.example", federated.Stdout);

        var wrong = await Run("identity", "inspect", svid, "--federated-bundle", $"other.example={Path.Combine(partner, "bundle.crt")}");
        Assert.Equal(ExitCodes.Failed, wrong.ExitCode);
        Assert.Contains("FAIL     bundle-for-trust-domain       no bundle for trust domain partner.example", wrong.Stdout);

        var bad = await Run("identity", "inspect", svid, "--federated-bundle", "partner.example");
        Assert.Equal(ExitCodes.BadInput, bad.ExitCode);
        Assert.StartsWith("error: --federated-bundle: expected TD=FILE, not 'partner.example'", bad.Stderr);
    }

    [Fact]
    public async Task Inspect_exits_2_on_unreadable_input()
    {
        var missing = await Run("identity", "inspect", Path.Combine(_dir, "none.crt"));
        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
        Assert.StartsWith($"error: cannot read {_dir}/none.crt: ", missing.Stderr);
        var garbage = Path.Combine(_dir, "garbage.crt");
        File.WriteAllText(garbage, "hello");
        var bad = await Run("identity", "inspect", garbage);
        Assert.Equal(ExitCodes.BadInput, bad.ExitCode);
        Assert.StartsWith($"error: {garbage}: cannot read certificate: neither PEM nor DER", bad.Stderr);
        Assert.Equal("", bad.Stdout);

        await InitAsync();
        var badBundle = Path.Combine(_dir, "bundle.json");
        File.WriteAllText(badBundle, "{\"keys\": 3}");
        var run = await Run("identity", "inspect", Path.Combine(CaDir, "ca.crt"), "--bundle", badBundle);
        Assert.Equal((ExitCodes.BadInput, $"error: {badBundle}: bundle has no \"keys\" array\n"), (run.ExitCode, run.Stderr));
    }

    [Fact]
    public async Task Inspect_reads_der_certificates()
    {
        await InitAsync();
        using var ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(CaDir, "ca.crt")));
        var der = Path.Combine(_dir, "ca.der");
        File.WriteAllBytes(der, ca.RawData);
        var run = await Run("identity", "inspect", der);
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("SPIFFE ID:   spiffe://example.org\n", run.Stdout);
    }

    private (string Cert, string Key) WriteOrganisationCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Org Root, O=Example Corp", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var cert = request.CreateSelfSigned(Now - TimeSpan.FromDays(1), Now + TimeSpan.FromDays(365));
        var certPath = Path.Combine(_dir, "org.crt");
        var keyPath = Path.Combine(_dir, "org.key");
        File.WriteAllText(certPath, cert.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certPath, keyPath);
    }
}
