using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Verity.Server.Hosting;

namespace Verity.Server.Tests;

public sealed class ServerCertificateTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verity-server-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (string Cert, string Key, X509Certificate2 Certificate) WritePem()
    {
        var certificate = TestCertificate.Create();
        var cert = Path.Combine(_dir, "tls.crt");
        var key = Path.Combine(_dir, "tls.key");
        File.WriteAllText(cert, certificate.ExportCertificatePem());
        File.WriteAllText(key, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return (cert, key, certificate);
    }

    [Fact]
    public void LoadsACertificateAndKeyFromPemFiles()
    {
        var (cert, key, expected) = WritePem();
        using var loaded = ServerCertificate.TryLoad(cert, key, out var error);
        Assert.Equal("", error);
        Assert.NotNull(loaded);
        Assert.True(loaded.HasPrivateKey);
        Assert.Equal(expected.Thumbprint, loaded.Thumbprint);
    }

    [Fact]
    public void MissingFileOrWrongKeyIsAReadableError()
    {
        var (cert, _, _) = WritePem();
        Assert.Null(ServerCertificate.TryLoad(Path.Combine(_dir, "nope.crt"), cert, out var missing));
        Assert.StartsWith($"cannot load TLS certificate {Path.Combine(_dir, "nope.crt")} with key {cert}: ", missing, StringComparison.Ordinal);
        var otherKey = Path.Combine(_dir, "other.key");
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(otherKey, other.ExportPkcs8PrivateKeyPem());
        Assert.Null(ServerCertificate.TryLoad(cert, otherKey, out var mismatch));
        Assert.StartsWith($"cannot load TLS certificate {cert} with key {otherKey}: ", mismatch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerStartsFromPemFilesAndPresentsThatCertificate()
    {
        var (cert, key, expected) = WritePem();
        await using var server = AdmissionServer.Build(new AdmissionServerOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            CertificatePemFile = cert,
            KeyPemFile = key,
        });
        await server.StartAsync();
        string? presented = null;
        using var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, c, _, _) => (presented = c?.GetCertHashString(HashAlgorithmName.SHA256)) == expected.GetCertHashString(HashAlgorithmName.SHA256) },
        };
        using var client = new HttpClient(handler) { BaseAddress = server.Addresses.Single() };
        Assert.Equal("ok\n", await client.GetStringAsync("/healthz"));
        Assert.Equal(expected.GetCertHashString(HashAlgorithmName.SHA256), presented);
        await server.StopAsync();
    }
}
