using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Verity.Admission.Pss;
using Verity.Server.Admission;
using Verity.Server.Hosting;

namespace Verity.Server.Tests;

/// <summary>The webhook over real HTTPS on 127.0.0.1 (random port, certificate made in the test and pinned by the client).</summary>
public sealed class WebhookHttpsTests(DefaultWebhookFixture fixture) : IClassFixture<DefaultWebhookFixture>
{
    private WebhookHost Host => fixture.Host;

    [Fact]
    public void ListensOnLoopbackWithARealPortOverHttps()
    {
        var address = Host.Server.Addresses.Single();
        Assert.Equal("https", address.Scheme);
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
    }

    [Fact]
    public async Task RestrictedPodIsAllowed()
    {
        var response = await Host.ReviewAsync("/validate", Reviews.Review("uid-allow", Reviews.RestrictedPod));
        Assert.Equal("uid-allow", response.GetProperty("uid").GetString());
        Assert.True(response.GetProperty("allowed").GetBoolean());
        Assert.False(response.TryGetProperty("status", out _));
        Assert.False(response.TryGetProperty("warnings", out _));
        Assert.False(response.TryGetProperty("patch", out _));
        Assert.Equal("""{"pss-enforce-policy":"baseline:latest"}""", response.GetProperty("auditAnnotations").GetRawText());
    }

    [Fact]
    public async Task PrivilegedPodIsDeniedWith403AndThePodSecurityMessage()
    {
        var response = await Host.ReviewAsync("/validate", Reviews.Review("uid-deny", Reviews.PrivilegedPod));
        Assert.Equal("uid-deny", response.GetProperty("uid").GetString());
        Assert.False(response.GetProperty("allowed").GetBoolean());
        var status = response.GetProperty("status");
        Assert.Equal(403, status.GetProperty("code").GetInt32());
        Assert.Equal("Failure", status.GetProperty("status").GetString());
        Assert.Equal("Forbidden", status.GetProperty("reason").GetString());
        Assert.Equal(Reviews.PrivilegedMessage, status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ResponseJsonKeepsQuotesReadable()
    {
        using var response = await Host.PostAsync("/validate", Reviews.Review("uid-raw", Reviews.PrivilegedPod));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"message\":\"violates PodSecurity \\\"baseline:latest\\\": privileged", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BaselinePodIsAllowedWithTheRestrictedWarningAndAuditAnnotation()
    {
        var response = await Host.ReviewAsync("/validate", Reviews.Review("uid-warn", Reviews.PlainPod));
        Assert.True(response.GetProperty("allowed").GetBoolean());
        Assert.Equal([Reviews.PlainRestrictedWarning], response.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        var annotations = response.GetProperty("auditAnnotations");
        Assert.Equal(Reviews.PlainRestrictedWarning, annotations.GetProperty("pss-audit-violations").GetString());
        Assert.Equal("baseline:latest", annotations.GetProperty("pss-enforce-policy").GetString());
    }

    [Fact]
    public async Task DeploymentTemplateIsJudged()
    {
        var response = await Host.ReviewAsync("/validate", Reviews.Review("uid-deploy", Reviews.Deployment(Reviews.PrivilegedPod), group: "apps", kind: "Deployment"));
        Assert.False(response.GetProperty("allowed").GetBoolean());
        Assert.Equal(Reviews.PrivilegedMessage, response.GetProperty("status").GetProperty("message").GetString());
    }

    [Fact]
    public async Task UnhandledKindIsAllowedWithTheReason()
    {
        var response = await Host.ReviewAsync("/validate", Reviews.Review("uid-cm", """{"kind":"ConfigMap"}""", kind: "ConfigMap"));
        Assert.True(response.GetProperty("allowed").GetBoolean());
        Assert.Equal(200, response.GetProperty("status").GetProperty("code").GetInt32());
        Assert.Equal("v1 ConfigMap is not judged: it runs no pod", response.GetProperty("status").GetProperty("message").GetString());
    }

    [Fact]
    public async Task DeleteIsAllowedWithTheReason()
    {
        var response = await Host.ReviewAsync("/validate", Reviews.Review("uid-del", null, operation: "DELETE", oldObjectJson: Reviews.PrivilegedPod));
        Assert.Equal("uid-del", response.GetProperty("uid").GetString());
        Assert.True(response.GetProperty("allowed").GetBoolean());
        Assert.Equal("DELETE is not judged: Pod Security applies to objects being created or updated", response.GetProperty("status").GetProperty("message").GetString());
    }

    [Fact]
    public async Task MissingObjectIsDeniedWith400InTheReview()
    {
        var response = await Host.ReviewAsync("/validate", Reviews.Review("uid-noobj", null));
        Assert.False(response.GetProperty("allowed").GetBoolean());
        Assert.Equal(400, response.GetProperty("status").GetProperty("code").GetInt32());
        Assert.Equal("BadRequest", response.GetProperty("status").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task DryRunIsAnsweredTheSameWay()
    {
        var response = await Host.ReviewAsync("/validate", Reviews.Review("uid-dry", Reviews.PrivilegedPod, dryRun: true));
        Assert.False(response.GetProperty("allowed").GetBoolean());
        Assert.Equal(Reviews.PrivilegedMessage, response.GetProperty("status").GetProperty("message").GetString());
    }

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "{not json", "malformed AdmissionReview: body is not valid JSON" },
        { "", "malformed AdmissionReview: body is not valid JSON" },
        { "null", "malformed AdmissionReview: body must be a JSON object" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}""", "malformed AdmissionReview: request is missing" },
        { """{"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview","request":{"uid":"u","kind":{"version":"v1","kind":"Pod"},"operation":"CREATE"}}""", "malformed AdmissionReview: apiVersion must be \"admission.k8s.io/v1\"" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"Pod","request":{"uid":"u","kind":{"version":"v1","kind":"Pod"},"operation":"CREATE"}}""", "malformed AdmissionReview: kind must be \"AdmissionReview\"" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"kind":{"version":"v1","kind":"Pod"},"operation":"CREATE"}}""", "malformed AdmissionReview: request.uid is missing" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"version":"v1","kind":"Pod"},"operation":"MERGE"}}""", "malformed AdmissionReview: request.operation must be" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task MalformedReviewIs400AndNeverAllowed(string body, string expectedError)
    {
        foreach (var path in new[] { "/validate", "/mutate" })
        {
            using var response = await Host.PostAsync(path, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("allowed", text, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(text);
            Assert.StartsWith(expectedError, json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/yaml")]
    public async Task WrongContentTypeIs415(string contentType)
    {
        using var response = await Host.PostAsync("/validate", Reviews.Review("u", Reviews.PlainPod), contentType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Content-Type must be application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingContentTypeIs415()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Reviews.Review("u", Reviews.PlainPod)));
        using var response = await Host.Client.PostAsync("/validate", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task GetOnValidateIsNotAllowed()
    {
        using var response = await Host.Client.GetAsync("/validate");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task OversizedBodyIs413()
    {
        var padding = new string('x', 3 * 1024 * 1024);
        var body = Reviews.Review("u-big", Reviews.PlainPod).Replace("\"name\":\"x\"", $"\"name\":\"{padding}\"", StringComparison.Ordinal);
        // Expect: 100-continue, as the API server's client may send: the server answers from the Content-Length alone,
        // before the body is sent (without it the server's early answer races the upload and the client may see a reset).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/validate") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        using var response = await Host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than the limit of 3145728 bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedChunkedBodyIs413()
    {
        var padding = new string('x', 3 * 1024 * 1024);
        var body = Encoding.UTF8.GetBytes(Reviews.Review("u-big", Reviews.PlainPod).Replace("\"name\":\"x\"", $"\"name\":\"{padding}\"", StringComparison.Ordinal));
        using var content = new StreamContent(new UnknownLengthStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/validate") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await Host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task FiftyConcurrentRequestsEachGetTheirOwnAnswer()
    {
        var tasks = Enumerable.Range(0, 50).Select(async i =>
        {
            var uid = $"concurrent-{i}";
            var deny = i % 2 == 0;
            var response = await Host.ReviewAsync("/validate", Reviews.Review(uid, deny ? Reviews.PrivilegedPod : Reviews.RestrictedPod));
            return (uid, deny, response);
        }).ToList();
        foreach (var (uid, deny, response) in await Task.WhenAll(tasks))
        {
            Assert.Equal(uid, response.GetProperty("uid").GetString());
            Assert.Equal(!deny, response.GetProperty("allowed").GetBoolean());
        }
    }

    [Fact]
    public async Task HealthAndReadinessAnswerOk()
    {
        Assert.Equal("ok\n", await Host.Client.GetStringAsync("/healthz"));
        Assert.Equal("ok\n", await Host.Client.GetStringAsync("/readyz"));
    }

    [Fact]
    public async Task MetricsCountRequestsLatencyAndDecisions()
    {
        await Host.ReviewAsync("/validate", Reviews.Review("m1", Reviews.PrivilegedPod));
        await Host.ReviewAsync("/validate", Reviews.Review("m2", Reviews.PlainPod));
        using (await Host.PostAsync("/validate", "{}")) { }
        var text = await Host.Client.GetStringAsync("/metrics");
        Assert.Matches("""verity_http_requests_total\{endpoint="validate",code="200"\} [1-9]""", text);
        Assert.Matches("""verity_http_requests_total\{endpoint="validate",code="400"\} [1-9]""", text);
        Assert.Matches("""verity_http_request_duration_seconds_count\{endpoint="validate"\} [1-9]""", text);
        Assert.Matches("""verity_admission_decisions_total\{policy="pss-enforce",action="deny"\} [1-9]""", text);
        Assert.Matches("""verity_admission_decisions_total\{policy="pss-enforce",action="allow"\} [1-9]""", text);
        Assert.Matches("""verity_admission_decisions_total\{policy="pss-warn",action="warn"\} [1-9]""", text);
        Assert.Matches("""verity_admission_decisions_total\{policy="pss-audit",action="audit"\} [1-9]""", text);
    }

    [Fact]
    public async Task MutateWithoutConfigurationAllowsWithoutPatch()
    {
        var response = await Host.ReviewAsync("/mutate", Reviews.Review("uid-m0", Reviews.PrivilegedPod));
        Assert.Equal("uid-m0", response.GetProperty("uid").GetString());
        Assert.True(response.GetProperty("allowed").GetBoolean());
        Assert.False(response.TryGetProperty("patch", out _));
        Assert.False(response.TryGetProperty("patchType", out _));
    }

    [Fact]
    public async Task MutateReturnsABase64JsonPatchWhenConfigured()
    {
        await using var host = await WebhookHost.StartAsync(o => o with
        {
            Admission = new AdmissionConfig { Mutation = new MutationConfig { SeccompRuntimeDefault = true, DisableServiceAccountTokenAutomount = true } },
        });
        var response = await host.ReviewAsync("/mutate", Reviews.Review("uid-m1", Reviews.PlainPod));
        Assert.Equal("uid-m1", response.GetProperty("uid").GetString());
        Assert.True(response.GetProperty("allowed").GetBoolean());
        Assert.Equal("JSONPatch", response.GetProperty("patchType").GetString());
        var patch = Encoding.UTF8.GetString(Convert.FromBase64String(response.GetProperty("patch").GetString()!));
        Assert.Equal("""[{"op":"add","path":"/spec/securityContext","value":{"seccompProfile":{"type":"RuntimeDefault"}}},{"op":"add","path":"/spec/automountServiceAccountToken","value":false}]""", patch);
    }

    [Fact]
    public async Task ConfiguredLevelsAreEnforced()
    {
        var restricted = new PssLevelVersion(PssLevel.Restricted, PssVersion.V1(30));
        await using var host = await WebhookHost.StartAsync(o => o with { Admission = new AdmissionConfig { Enforce = restricted } });
        var response = await host.ReviewAsync("/validate", Reviews.Review("uid-r", Reviews.PlainPod));
        Assert.False(response.GetProperty("allowed").GetBoolean());
        Assert.StartsWith("violates PodSecurity \"restricted:v1.30\": ", response.GetProperty("status").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADecisionOverTheTimeBudgetIsADenial()
    {
        await using var host = await WebhookHost.StartAsync(o => o with
        {
            RequestTimeout = TimeSpan.FromMilliseconds(200),
            Decide = (request, config) =>
            {
                Thread.Sleep(1500);
                return AdmissionDecider.Decide(request, config);
            },
        });
        var response = await host.ReviewAsync("/validate", Reviews.Review("uid-slow", Reviews.RestrictedPod));
        Assert.Equal("uid-slow", response.GetProperty("uid").GetString());
        Assert.False(response.GetProperty("allowed").GetBoolean());
        Assert.Equal(504, response.GetProperty("status").GetProperty("code").GetInt32());
        Assert.Equal("verity: no decision within the time budget of 200 ms; denied (the webhook fails closed)", response.GetProperty("status").GetProperty("message").GetString());
        Assert.Matches("""verity_admission_decisions_total\{policy="server",action="timeout"\} 1""", await host.Client.GetStringAsync("/metrics"));
    }

    [Fact]
    public async Task ABodyThatDoesNotArriveWithinTheBudgetIs408()
    {
        await using var host = await WebhookHost.StartAsync(o => o with { RequestTimeout = TimeSpan.FromMilliseconds(300) });
        var address = host.Server.Addresses.Single();
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, address.Port);
        var pinned = host.Certificate.GetCertHashString();
        await using var tls = new System.Net.Security.SslStream(tcp.GetStream(), false, (_, c, _, _) => c?.GetCertHashString() == pinned);
        await tls.AuthenticateAsClientAsync("127.0.0.1");
        // Promises 100 bytes, sends 10, then waits: the server must give up at the budget, not hang.
        await tls.WriteAsync(Encoding.ASCII.GetBytes("POST /validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"apiVersi"));
        await tls.FlushAsync();
        using var reader = new StreamReader(tls);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("HTTP/1.1 408 Request Timeout", statusLine);
    }

    [Fact]
    public async Task AFailingDecisionIsADenial()
    {
        await using var host = await WebhookHost.StartAsync(o => o with { Decide = (_, _) => throw new InvalidOperationException("boom") });
        var response = await host.ReviewAsync("/validate", Reviews.Review("uid-boom", Reviews.RestrictedPod));
        Assert.False(response.GetProperty("allowed").GetBoolean());
        Assert.Equal(500, response.GetProperty("status").GetProperty("code").GetInt32());
        Assert.Contains("InvalidOperationException: boom", response.GetProperty("status").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredBodyLimitApplies()
    {
        await using var host = await WebhookHost.StartAsync(o => o with { MaxRequestBodyBytes = 512 });
        using var response = await host.PostAsync("/validate", Reviews.Review("u", Reviews.RestrictedPod));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task SpeaksHttp2OverTls()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/validate")
        {
            Content = new StringContent(Reviews.Review("uid-h2", Reviews.PrivilegedPod), Encoding.UTF8, "application/json"),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await Host.Client.SendAsync(request);
        Assert.Equal(HttpVersion.Version20, response.Version);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("uid-h2", json.RootElement.GetProperty("response").GetProperty("uid").GetString());
        Assert.False(json.RootElement.GetProperty("response").GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task PlainHttpIsRefused()
    {
        var address = Host.Server.Addresses.Single();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync($"http://127.0.0.1:{address.Port}/healthz"));
    }

    [Fact]
    public async Task ClientThatDoesNotTrustTheCertificateFailsTheHandshake()
    {
        using var client = new HttpClient { BaseAddress = Host.Server.Addresses.Single(), Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync("/healthz"));
    }

    [Fact]
    public void BuildWithoutCertificateFails()
    {
        var error = Assert.Throws<ArgumentException>(() => AdmissionServer.Build(new AdmissionServerOptions()));
        Assert.StartsWith("a TLS certificate is required", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A stream without a length, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
