using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Verity.Server.Hosting;
using Verity.Server.Install;

namespace Verity.Server.Tests.Install;

/// <summary>
/// The CA and serving certificate <c>admission manifests</c> generates: they chain as the API server checks them (caBundle
/// as the only root, the Service DNS name), and a real server presents them over TLS.
/// </summary>
public sealed class WebhookCertificatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_serving_certificate_chains_to_the_CA_alone_and_names_the_service()
    {
        var issued = WebhookCertificates.Issue("verity", "security", TimeSpan.FromDays(30), new FixedTime(Now));
        using var ca = X509Certificate2.CreateFromPem(issued.CaPem);
        using var leaf = X509Certificate2.CreateFromPem(issued.CertificatePem, issued.KeyPem);

        Assert.True(leaf.HasPrivateKey);
        Assert.Equal(Now.AddMinutes(-5).UtcDateTime, leaf.NotBefore.ToUniversalTime());
        Assert.Equal(Now.AddMinutes(-5).AddDays(30).UtcDateTime, leaf.NotAfter.ToUniversalTime());
        Assert.True(leaf.MatchesHostname("verity.security.svc"));
        Assert.True(leaf.MatchesHostname("verity.security.svc.cluster.local"));
        Assert.False(leaf.MatchesHostname("verity.other.svc"));
        Assert.False(leaf.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.True(ca.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.Equal(["1.3.6.1.5.5.7.3.1"], leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value));

        using var chain = Chain(ca, Now.UtcDateTime);
        Assert.True(chain.Build(leaf), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.Equal(2, chain.ChainElements.Count);
    }

    [Fact]
    public void Each_issue_is_a_new_CA_that_does_not_trust_the_previous_certificate()
    {
        var first = WebhookCertificates.Issue("verity", "verity", TimeSpan.FromDays(1), new FixedTime(Now));
        var second = WebhookCertificates.Issue("verity", "verity", TimeSpan.FromDays(1), new FixedTime(Now));
        using var secondCa = X509Certificate2.CreateFromPem(second.CaPem);
        using var firstLeaf = X509Certificate2.CreateFromPem(first.CertificatePem);

        Assert.NotEqual(first.KeyPem, second.KeyPem);
        using var chain = Chain(secondCa, Now.UtcDateTime);
        Assert.False(chain.Build(firstLeaf));
    }

    [Fact]
    public async Task A_server_with_the_generated_secret_is_trusted_by_a_client_holding_only_the_caBundle()
    {
        var issued = WebhookCertificates.Issue("verity", "verity", TimeSpan.FromDays(1), TimeProvider.System);
        using var ca = X509Certificate2.CreateFromPem(issued.CaPem);
        using var certificate = X509Certificate2.CreateFromPem(issued.CertificatePem, issued.KeyPem);
        var server = AdmissionServer.Build(new AdmissionServerOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), Certificate = certificate });
        await server.StartAsync();
        try
        {
            var port = server.Addresses.Single().Port;
            using var handler = new SocketsHttpHandler
            {
                // The API server dials the Service's cluster IP with the name verity.verity.svc; here the name resolves to loopback.
                ConnectCallback = async (_, ct) =>
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    await socket.ConnectAsync(IPAddress.Loopback, port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                },
                SslOptions = new SslClientAuthenticationOptions
                {
                    CertificateChainPolicy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, CustomTrustStore = { ca }, RevocationMode = X509RevocationMode.NoCheck },
                },
            };
            using var client = new HttpClient(handler);
            using var response = await client.GetAsync(new Uri($"https://verity.verity.svc:{port}/healthz"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            // The same server under a name the certificate does not carry is refused by the client.
            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"https://verity.elsewhere.svc:{port}/healthz")));
        }
        finally
        {
            await server.StopAsync();
            await server.DisposeAsync();
        }
    }

    private static X509Chain Chain(X509Certificate2 root, DateTime at)
    {
        var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at;
        return chain;
    }
}
