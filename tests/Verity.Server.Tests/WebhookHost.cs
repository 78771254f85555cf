using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Verity.Server.Hosting;

namespace Verity.Server.Tests;

/// <summary>
/// A real <see cref="AdmissionServer"/> on 127.0.0.1, port 0, over TLS with a certificate made for the test, and an
/// HttpClient that trusts exactly that certificate (pinned by its SHA-256 hash; nothing else is accepted).
/// </summary>
internal sealed class WebhookHost : IAsyncDisposable
{
    private WebhookHost(AdmissionServer server, HttpClient client, X509Certificate2 certificate)
    {
        Server = server;
        Client = client;
        Certificate = certificate;
    }

    public AdmissionServer Server { get; }
    public HttpClient Client { get; }
    public X509Certificate2 Certificate { get; }

    public static async Task<WebhookHost> StartAsync(Func<AdmissionServerOptions, AdmissionServerOptions>? configure = null)
    {
        var certificate = TestCertificate.Create();
        // A generous budget: a test machine under load must not turn a slow answer into a time-budget denial (the
        // budget tests set their own).
        var options = new AdmissionServerOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), Certificate = certificate, RequestTimeout = TimeSpan.FromSeconds(30) };
        var server = AdmissionServer.Build(configure is null ? options : configure(options));
        await server.StartAsync();
        var pinned = certificate.GetCertHash(HashAlgorithmName.SHA256);
        var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(pinned) },
        };
        var client = new HttpClient(handler) { BaseAddress = server.Addresses.Single(), Timeout = TimeSpan.FromSeconds(60) };
        return new WebhookHost(server, client, certificate);
    }

    public Task<HttpResponseMessage> PostAsync(string path, string body, string contentType = "application/json") =>
        Client.PostAsync(path, new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType)));

    /// <summary>POSTs a review expecting HTTP 200 and returns <c>response</c>.</summary>
    public async Task<JsonElement> ReviewAsync(string path, string review)
    {
        using var response = await PostAsync(path, review);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        Assert.Equal("admission.k8s.io/v1", document.RootElement.GetProperty("apiVersion").GetString());
        Assert.Equal("AdmissionReview", document.RootElement.GetProperty("kind").GetString());
        return document.RootElement.GetProperty("response").Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.StopAsync();
        await Server.DisposeAsync();
        Certificate.Dispose();
    }
}
