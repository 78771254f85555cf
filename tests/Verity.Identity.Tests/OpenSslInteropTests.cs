using Verity.Identity.Store;
using Verity.Identity.X509;

namespace Verity.Identity.Tests;

/// <summary>
/// Independent verification with the real OpenSSL (the issue's acceptance tests): issued leaves verify for TLS client and
/// server purposes, directly under a root and through an intermediate under an upstream CA, and two SVIDs complete a
/// mutual-TLS handshake that s_server verifies; a leaf from another CA is rejected. Skipped when openssl is missing.
/// </summary>
public sealed class OpenSslInteropTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verity-openssl-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Issues an SVID now (the real clock: openssl checks validity against it) into DIR/name/.</summary>
    private string Write(X509Authority ca, string name, string id)
    {
        var issuance = SvidIssuer.Issue(ca, new SvidRequest { Id = SpiffeId.Parse(id) }, TimeSpan.FromHours(1), TimeProvider.System);
        Assert.True(issuance.Succeeded, issuance.Error);
        using var svid = issuance.Svid;
        var dir = Path.Combine(_dir, name);
        CaDirectory.WriteSvid(dir, svid, CaDirectory.BundleOf(ca));
        return dir;
    }

    private static X509Authority Root() => CertificateAuthorities.CreateRoot(TestPki.Options(), TimeProvider.System).Authority!;

    private static X509Authority Intermediate()
    {
        var upstream = TestPki.Upstream(DateTimeOffset.UtcNow - TimeSpan.FromDays(1), TimeSpan.FromDays(30));
        return CertificateAuthorities.CreateIntermediate(TestPki.Options(), upstream, TimeProvider.System).Authority!;
    }

    [SkippableTheory]
    [InlineData(false, "sslclient")]
    [InlineData(false, "sslserver")]
    [InlineData(true, "sslclient")]
    [InlineData(true, "sslserver")]
    public void Openssl_verify_accepts_issued_leaves(bool underUpstream, string purpose)
    {
        Skip.IfNot(OpenSsl.Available, OpenSsl.Missing);
        using var ca = underUpstream ? Intermediate() : Root();
        var dir = Write(ca, "w", "spiffe://example.org/ns/default/sa/web");
        var (exit, output) = OpenSsl.Run(dir, "verify", "-x509_strict", "-CAfile", "bundle.crt", "-untrusted", "svid.crt", "-purpose", purpose, "svid.crt");
        Assert.True(exit == 0, output);
        Assert.Equal("svid.crt: OK", output.Trim());
    }

    [SkippableFact]
    public void Openssl_verify_rejects_a_leaf_of_another_ca()
    {
        Skip.IfNot(OpenSsl.Available, OpenSsl.Missing);
        using var ca = Root();
        using var other = Root();
        var dir = Write(ca, "w", "spiffe://example.org/web");
        var strangerDir = Write(other, "s", "spiffe://example.org/web");
        var (exit, output) = OpenSsl.Run(dir, "verify", "-CAfile", "bundle.crt", "-purpose", "sslclient", Path.Combine(strangerDir, "svid.crt"));
        Assert.NotEqual(0, exit);
        Assert.Contains("unable to get local issuer certificate", output);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void Two_svids_complete_a_mutual_tls_handshake_verified_by_s_server(bool underUpstream)
    {
        Skip.IfNot(OpenSsl.Available, OpenSsl.Missing);
        using var ca = underUpstream ? Intermediate() : Root();
        var server = Write(ca, "server", "spiffe://example.org/ns/prod/sa/api");
        var client = Write(ca, "client", "spiffe://example.org/ns/prod/sa/web");
        var (serverOut, clientOut, clientExit) = OpenSsl.Handshake(_dir,
            Path.Combine(server, "svid.crt"), Path.Combine(server, "svid.key"),
            Path.Combine(client, "svid.crt"), Path.Combine(client, "svid.key"), Path.Combine(server, "bundle.crt"));
        Assert.True(clientExit == 0, clientOut + "\n--- server ---\n" + serverOut);
        Assert.Contains("verify return:1", serverOut);
        Assert.DoesNotContain("verify error", serverOut);
        Assert.Contains("Client certificate", serverOut);
        Assert.Contains("Verify return code: 0 (ok)", clientOut);
    }

    [SkippableFact]
    public void S_server_rejects_a_client_leaf_from_another_ca()
    {
        Skip.IfNot(OpenSsl.Available, OpenSsl.Missing);
        using var ca = Root();
        using var other = Root();
        var server = Write(ca, "server", "spiffe://example.org/api");
        var stranger = Write(other, "stranger", "spiffe://example.org/web");
        var (serverOut, _, _) = OpenSsl.Handshake(_dir,
            Path.Combine(server, "svid.crt"), Path.Combine(server, "svid.key"),
            Path.Combine(stranger, "svid.crt"), Path.Combine(stranger, "svid.key"), Path.Combine(server, "bundle.crt"));
        Assert.Contains("verify error:num=20:unable to get local issuer certificate", serverOut);
        Assert.DoesNotContain("Client certificate", serverOut);
        Assert.Contains("certificate verify failed", serverOut);
    }
}
