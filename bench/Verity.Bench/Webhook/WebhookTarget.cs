using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Verity.Admission.Guardrails;
using Verity.Admission.Pss;
using Verity.Server.Admission;
using Verity.Server.Hosting;

namespace Verity.Bench.Webhook;

/// <summary>
/// The real <see cref="AdmissionServer"/> in this process on 127.0.0.1 (port 0) over TLS with a self-signed ECDSA P-256
/// certificate made at start, enforcing restricted:latest with every guardrail warning, <c>/noop</c> on; and an HTTP/1.1 client pinned to that
/// certificate with at most <c>connections</c> keep-alive connections.
/// </summary>
internal sealed class WebhookTarget : IAsyncDisposable
{
    private readonly X509Certificate2 _certificate;

    private WebhookTarget(AdmissionServer server, HttpClient client, X509Certificate2 certificate)
    {
        Server = server;
        Client = client;
        _certificate = certificate;
    }

    public AdmissionServer Server { get; }
    public HttpClient Client { get; }

    public static async Task<WebhookTarget> StartAsync(int connections)
    {
        var certificate = CreateCertificate();
        var restricted = new PssLevelVersion(PssLevel.Restricted, PssVersion.Latest);
        var server = AdmissionServer.Build(new AdmissionServerOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Certificate = certificate,
            Admission = new AdmissionConfig { Enforce = restricted, Warn = restricted, Audit = restricted, Guardrails = EveryGuardrail },
            NoOpEndpoint = true,
        });
        await server.StartAsync();
        var pinned = certificate.GetCertHash(HashAlgorithmName.SHA256);
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(pinned),
            },
        };
        var client = new HttpClient(handler)
        {
            BaseAddress = server.Addresses.Single(),
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        return new WebhookTarget(server, client, certificate);
    }

    /// <summary>
    /// Every guardrail of the library switched on (issue 6 point 7b), as warnings so the verdicts stay Pod Security's:
    /// <c>defaultAction: warn</c> and the opt-in digest guardrail VG-IMG-003 listed.
    /// </summary>
    private static GuardrailConfig EveryGuardrail { get; } = GuardrailConfigLoader.Load("""
        apiVersion: verity.dev/v1alpha1
        kind: PolicyConfig
        metadata: {name: bench-every-guardrail}
        spec:
          defaultAction: warn
          policies:
            VG-IMG-003: {action: warn}
        """, "bench-every-guardrail.yaml").Config;

    /// <summary>Self-signed ECDSA P-256 for 127.0.0.1 and localhost, valid one day (as in tests/Verity.Server.Tests).</summary>
    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=verity-webhook-bench", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.StopAsync();
        await Server.DisposeAsync();
        _certificate.Dispose();
    }
}
