using System.Text.Json;

namespace Verity.Server.Tests;

/// <summary>Guardrails through the webhook over real HTTPS (docs/webhook.md, "Guardrails").</summary>
public sealed class GuardrailWebhookTests(GuardrailWebhookFixture fixture) : IClassFixture<GuardrailWebhookFixture>
{
    private WebhookHost Host => fixture.Host;

    private static string[] Warnings(JsonElement response) =>
        response.TryGetProperty("warnings", out var w) ? w.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];

    [Fact]
    public async Task LatestImageIsDeniedByTheEnforcedGuardrail()
    {
        var response = await Host.ReviewAsync("/validate", Reviews.Review("uid-latest", Guardrails.Pod("web", "nginx:latest", resources: true)));
        Assert.Equal("uid-latest", response.GetProperty("uid").GetString());
        Assert.False(response.GetProperty("allowed").GetBoolean());
        var status = response.GetProperty("status");
        Assert.Equal(403, status.GetProperty("code").GetInt32());
        Assert.Equal("Forbidden", status.GetProperty("reason").GetString());
        Assert.Equal(Guardrails.LatestMessage, status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task WarnGuardrailReturnsWarningsAndAuditGuardrailAnAnnotation()
    {
        var response = await Host.ReviewAsync("/validate", Reviews.Review("uid-warn", Guardrails.Pod("web", "nginx:1.27")));
        Assert.True(response.GetProperty("allowed").GetBoolean());
        var warnings = Warnings(response);
        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.StartsWith("VG-RES-001: ", w, StringComparison.Ordinal));
        var annotations = response.GetProperty("auditAnnotations");
        Assert.Equal("the pod spec does not set automountServiceAccountToken, so Kubernetes mounts an API token; set automountServiceAccountToken: false unless the pod calls the Kubernetes API",
            annotations.GetProperty("guardrail-VG-IDN-002").GetString());
        Assert.Equal("baseline:latest", annotations.GetProperty("pss-enforce-policy").GetString());
    }

    [Fact]
    public async Task ActiveExceptionAllows()
    {
        var response = await Host.ReviewAsync("/validate", Reviews.Review("uid-exc", Guardrails.Pod("legacy", "nginx:latest", resources: true)));
        Assert.True(response.GetProperty("allowed").GetBoolean());
        Assert.Equal("legacy (owner team-a, expires 2027-03-31): vendor image",
            response.GetProperty("auditAnnotations").GetProperty("guardrail-VG-IMG-002.exception").GetString());
    }

    [Fact]
    public async Task ExpiredExceptionNoLongerApplies()
    {
        var response = await Host.ReviewAsync("/validate", Reviews.Review("uid-expired", Guardrails.Pod("stale", "nginx:latest", resources: true)));
        Assert.False(response.GetProperty("allowed").GetBoolean());
        Assert.Equal(Guardrails.LatestMessage, response.GetProperty("status").GetProperty("message").GetString());
        Assert.Contains(Warnings(response), w => w.StartsWith("VG-IMG-002: exception \"old\" (owner team-b) expired on 2026-01-01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NodePortServiceIsDeniedInANamespaceNotAllowed()
    {
        var denied = await Host.ReviewAsync("/validate", Reviews.Review("uid-np", Guardrails.Service("NodePort"), kind: "Service"));
        Assert.False(denied.GetProperty("allowed").GetBoolean());
        Assert.Equal(403, denied.GetProperty("status").GetProperty("code").GetInt32());
        Assert.StartsWith("VG-NET-001: Service \"shop\" is of type NodePort in namespace \"web\"", denied.GetProperty("status").GetProperty("message").GetString(), StringComparison.Ordinal);

        var allowed = await Host.ReviewAsync("/validate", Reviews.Review("uid-np-edge", Guardrails.Service("NodePort", ns: "edge"), kind: "Service", ns: "edge"));
        Assert.True(allowed.GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task UnevaluableObjectIsDeniedClosed()
    {
        var response = await Host.ReviewAsync("/validate", Reviews.Review("uid-bad", Guardrails.Service("", spec: """{"type":"NodePort","ports":"eighty"}"""), kind: "Service"));
        Assert.False(response.GetProperty("allowed").GetBoolean());
        var status = response.GetProperty("status");
        Assert.Equal(400, status.GetProperty("code").GetInt32());
        Assert.StartsWith("verity: guardrails could not evaluate v1 Service \"shop\": ", status.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecisionsAreCountedByGuardrailId()
    {
        await Host.ReviewAsync("/validate", Reviews.Review("uid-metrics", Guardrails.Service("LoadBalancer"), kind: "Service"));
        var text = await Host.Client.GetStringAsync("/metrics");
        Assert.Matches("""verity_admission_decisions_total\{policy="VG-NET-001",action="deny"\} [1-9]""", text);
    }
}
