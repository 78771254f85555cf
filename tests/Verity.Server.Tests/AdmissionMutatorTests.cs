using System.Text;
using System.Text.Json.Nodes;
using Verity.Server.Admission;

namespace Verity.Server.Tests;

public sealed class AdmissionMutatorTests
{
    private static readonly MutationConfig Both = new() { SeccompRuntimeDefault = true, DisableServiceAccountTokenAutomount = true };

    private static string PatchJson(MutationResult result) => Encoding.UTF8.GetString(AdmissionReviewWriter.Patch(result.Patch));

    [Fact]
    public void AddsAbsentDefaultsToAPod()
    {
        var result = AdmissionMutator.Mutate(AdmissionDeciderTests.Request(Reviews.Review("u", Reviews.PlainPod)), Both);
        Assert.True(result.Decision.Allowed);
        Assert.Equal("""[{"op":"add","path":"/spec/securityContext","value":{"seccompProfile":{"type":"RuntimeDefault"}}},{"op":"add","path":"/spec/automountServiceAccountToken","value":false}]""",
            PatchJson(result));
    }

    [Fact]
    public void AddsOnlyTheProfileWhenASecurityContextExistsAndNothingWhenSet()
    {
        var pod = """{"kind":"Pod","spec":{"securityContext":{"runAsNonRoot":true},"automountServiceAccountToken":true,"containers":[]}}""";
        var result = AdmissionMutator.Mutate(AdmissionDeciderTests.Request(Reviews.Review("u", pod)), Both);
        Assert.Equal("""[{"op":"add","path":"/spec/securityContext/seccompProfile","value":{"type":"RuntimeDefault"}}]""", PatchJson(result));
        var done = AdmissionMutator.Mutate(AdmissionDeciderTests.Request(Reviews.Review("u", Reviews.RestrictedPod.Replace("\"containers\"", "\"automountServiceAccountToken\":false,\"containers\"", StringComparison.Ordinal))), Both);
        Assert.Empty(done.Patch);
        Assert.Equal(new PolicyAction("mutation", "allow"), done.Decision.Actions.Single());
    }

    [Fact]
    public void PatchesWorkloadTemplatesAtTheirPath()
    {
        var cron = AdmissionMutator.Mutate(AdmissionDeciderTests.Request(Reviews.Review("u", Reviews.CronJob(Reviews.PlainPod), group: "batch", kind: "CronJob")),
            new MutationConfig { DisableServiceAccountTokenAutomount = true });
        Assert.Equal("/spec/jobTemplate/spec/template/spec/automountServiceAccountToken", cron.Patch.Single().Path);
        var deployment = AdmissionMutator.Mutate(AdmissionDeciderTests.Request(Reviews.Review("u", Reviews.Deployment(Reviews.PlainPod), operation: "UPDATE", group: "apps", kind: "Deployment", oldObjectJson: Reviews.Deployment(Reviews.PlainPod))),
            new MutationConfig { SeccompRuntimeDefault = true });
        Assert.Equal("/spec/template/spec/securityContext", deployment.Patch.Single().Path);
    }

    [Fact]
    public void LeavesWindowsPodsSeccompAlone()
    {
        var pod = """{"kind":"Pod","spec":{"os":{"name":"windows"},"containers":[]}}""";
        Assert.Empty(AdmissionMutator.Mutate(AdmissionDeciderTests.Request(Reviews.Review("u", pod)), new MutationConfig { SeccompRuntimeDefault = true }).Patch);
    }

    [Theory]
    [InlineData("UPDATE", "Pod", "", "UPDATE of v1 Pod is not mutated")]
    [InlineData("DELETE", "Pod", "", "DELETE of v1 Pod is not mutated")]
    [InlineData("CREATE", "ConfigMap", "", "v1 ConfigMap is not mutated: it runs no pod")]
    [InlineData("CREATE", "Pod", "ephemeralcontainers", "subresource \"ephemeralcontainers\" is not mutated")]
    public void SkipsWhatItDoesNotHandleWithAReason(string operation, string kind, string subResource, string message)
    {
        var result = AdmissionMutator.Mutate(AdmissionDeciderTests.Request(Reviews.Review("u", Reviews.PlainPod, operation: operation, kind: kind, subResource: subResource, oldObjectJson: Reviews.PlainPod)), Both);
        Assert.True(result.Decision.Allowed);
        Assert.Empty(result.Patch);
        Assert.Equal(message, result.Decision.Message);
    }

    [Fact]
    public void WithoutConfigurationNothingIsPatched()
    {
        var result = AdmissionMutator.Mutate(AdmissionDeciderTests.Request(Reviews.Review("u", Reviews.PlainPod)), new MutationConfig());
        Assert.Empty(result.Patch);
        Assert.Equal("no mutation is configured", result.Decision.Message);
        Assert.NotNull(JsonNode.Parse(Encoding.UTF8.GetString(AdmissionReviewWriter.Patch(result.Patch))));
    }
}
