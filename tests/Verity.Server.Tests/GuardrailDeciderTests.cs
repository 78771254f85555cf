using Verity.Admission.Guardrails;
using Verity.Server.Admission;

namespace Verity.Server.Tests;

/// <summary>The decider with guardrails next to Pod Security (docs/webhook.md, "Guardrails"), without HTTP.</summary>
public sealed class GuardrailDeciderTests
{
    private static AdmissionDecision Decide(string review, AdmissionConfig? config = null) =>
        AdmissionDecider.Decide(AdmissionDeciderTests.Request(review), config ?? Guardrails.Admission());

    [Fact]
    public void EnforcedGuardrailDeniesWithItsIdAndMessage()
    {
        var decision = Decide(Reviews.Review("u", Guardrails.Pod("web", "nginx:latest", resources: true)));
        Assert.Equal(AdmissionOutcome.Denied, decision.Outcome);
        Assert.Equal(403, decision.Code);
        Assert.Equal(Guardrails.LatestMessage, decision.Message);
        Assert.Contains(new PolicyAction("VG-IMG-002", "deny"), decision.Actions);
        Assert.Contains(new PolicyAction("pss-enforce", "allow"), decision.Actions);
    }

    [Fact]
    public void PodSecurityAndGuardrailDenialsAreJoined()
    {
        var pod = Reviews.PrivilegedPod.Replace("\"nginx\"", "\"nginx:latest\"", StringComparison.Ordinal);
        var decision = Decide(Reviews.Review("u", pod));
        Assert.Equal(AdmissionOutcome.Denied, decision.Outcome);
        Assert.Equal(Reviews.PrivilegedMessage + "; " + Guardrails.LatestMessage, decision.Message);
    }

    [Fact]
    public void AServiceWhoseLabelsAreNotStringsCannotBeJudgedAndIsDenied()
    {
        var service = """{"apiVersion":"v1","kind":"Service","metadata":{"name":"s","namespace":"web","labels":{"tier":3}},"spec":{"type":"NodePort"}}""";
        var decision = Decide(Reviews.Review("u", service, kind: "Service"));
        Assert.Equal(AdmissionOutcome.Error, decision.Outcome);
        Assert.Equal("request.object is not a valid v1 Service: apiVersion, kind and metadata must be set, and labels and annotations must be strings", decision.Message);
    }

    [Fact]
    public void TheGuardrailsJudgeThePodSpecPodSecurityReadAndGetTheSameAnswerAsOffline()
    {
        // The webhook shares its typed pod spec with the guardrails; the engine reading the JSON itself must agree.
        var pod = Guardrails.Pod("web", "nginx:latest", resources: false);
        var online = Decide(Reviews.Review("u", pod));
        var obj = Verity.Core.Loading.ManifestParser.Parse(pod, "pod.json").Objects.Single();
        var offline = new GuardrailEngine(Guardrails.Admission().Guardrails!, Guardrails.Admission().Time).Evaluate(new GuardrailInput(obj));
        Assert.Equal(offline.Violations.Select(v => v.Policy).Distinct().Order(), online.Actions.Where(a => a.Policy.StartsWith("VG-", StringComparison.Ordinal)).Select(a => a.Policy).Order());
        Assert.Equal(offline.Warnings, online.Warnings.Where(w => w.StartsWith("VG-", StringComparison.Ordinal)));
    }

    [Fact]
    public void PodSecurityDenialAloneKeepsPsaMessage()
    {
        var pod = Reviews.PrivilegedPod.Replace("\"nginx\"", "\"nginx:1.27\"", StringComparison.Ordinal);
        var decision = Decide(Reviews.Review("u", pod));
        Assert.Equal(AdmissionOutcome.Denied, decision.Outcome);
        Assert.Equal(Reviews.PrivilegedMessage, decision.Message);
    }

    [Fact]
    public void WarnAndAuditGuardrailsAddWarningsAndPrefixedAnnotations()
    {
        var decision = Decide(Reviews.Review("u", Guardrails.Pod("web", "nginx:1.27")));
        Assert.Equal(AdmissionOutcome.Allowed, decision.Outcome);
        Assert.Equal("", decision.Message);
        Assert.All(decision.Warnings, w => Assert.StartsWith("VG-RES-001: ", w, StringComparison.Ordinal));
        Assert.NotEmpty(decision.Warnings);
        Assert.Equal(["guardrail-VG-IDN-002", AdmissionDecider.EnforcePolicyKey], decision.AuditAnnotations.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(decision.AuditAnnotations.Keys, k => k.Contains('/', StringComparison.Ordinal));
        Assert.Contains(new PolicyAction("VG-RES-001", "warn"), decision.Actions);
        Assert.Contains(new PolicyAction("VG-IDN-002", "audit"), decision.Actions);
    }

    [Fact]
    public void WithoutAConfigEveryGuardrailAudits()
    {
        var decision = Decide(Reviews.Review("u", Guardrails.Pod("web", "nginx:latest")), Guardrails.Admission(GuardrailConfig.Default));
        Assert.Equal(AdmissionOutcome.Allowed, decision.Outcome);
        Assert.Empty(decision.Warnings);
        Assert.Equal(Guardrails.LatestMessage["VG-IMG-002: ".Length..], decision.AuditAnnotations["guardrail-VG-IMG-002"]);
        Assert.Contains(new PolicyAction("VG-IMG-002", "audit"), decision.Actions);
    }

    [Fact]
    public void ActiveExceptionAllowsAndIsRecorded()
    {
        var decision = Decide(Reviews.Review("u", Guardrails.Pod("legacy", "nginx:latest", resources: true)));
        Assert.Equal(AdmissionOutcome.Allowed, decision.Outcome);
        Assert.Equal("legacy (owner team-a, expires 2027-03-31): vendor image", decision.AuditAnnotations["guardrail-VG-IMG-002.exception"]);
        Assert.Contains(new PolicyAction("VG-IMG-002", "exception"), decision.Actions);
    }

    [Fact]
    public void ExpiredExceptionNoLongerAppliesAndWarns()
    {
        var decision = Decide(Reviews.Review("u", Guardrails.Pod("stale", "nginx:latest", resources: true)));
        Assert.Equal(AdmissionOutcome.Denied, decision.Outcome);
        Assert.Equal(Guardrails.LatestMessage, decision.Message);
        Assert.Contains(decision.Warnings, w => w.StartsWith("VG-IMG-002: exception \"old\" (owner team-b) expired on 2026-01-01", StringComparison.Ordinal));
    }

    [Fact]
    public void SameExceptionBeforeItsExpiryAllows()
    {
        var config = Guardrails.Admission() with { Time = new FixedTime(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero)) };
        var decision = Decide(Reviews.Review("u", Guardrails.Pod("stale", "nginx:latest", resources: true)), config);
        Assert.Equal(AdmissionOutcome.Allowed, decision.Outcome);
    }

    [Fact]
    public void NodePortServiceIsDeniedOutsideAllowedNamespaces()
    {
        var decision = Decide(Reviews.Review("u", Guardrails.Service("NodePort"), kind: "Service"));
        Assert.Equal(AdmissionOutcome.Denied, decision.Outcome);
        Assert.Equal(403, decision.Code);
        Assert.Equal("VG-NET-001: Service \"shop\" is of type NodePort in namespace \"web\", but only edge may expose Services outside the cluster; use type: ClusterIP behind the ingress tier",
            decision.Message);
        Assert.Contains(new PolicyAction("VG-NET-001", "deny"), decision.Actions);
    }

    [Fact]
    public void NodePortServiceIsAllowedInAnAllowedNamespace()
    {
        var decision = Decide(Reviews.Review("u", Guardrails.Service("NodePort", ns: "edge"), kind: "Service", ns: "edge"));
        Assert.Equal(AdmissionOutcome.Allowed, decision.Outcome);
        Assert.Equal("", decision.Message);
    }

    [Fact]
    public void ServiceWithoutNamespaceInObjectTakesTheRequestNamespace()
    {
        var service = """{"apiVersion":"v1","kind":"Service","metadata":{"name":"shop"},"spec":{"type":"LoadBalancer"}}""";
        var decision = Decide(Reviews.Review("u", service, kind: "Service", ns: "web"));
        Assert.Equal(AdmissionOutcome.Denied, decision.Outcome);
        Assert.Contains("in namespace \"web\"", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamespaceIsJudgedByGuardrails()
    {
        var ns = """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"}}""";
        var decision = Decide(Reviews.Review("u", ns, kind: "Namespace", ns: ""), Guardrails.Admission(GuardrailConfig.Default));
        Assert.Equal(AdmissionOutcome.Allowed, decision.Outcome);
        Assert.True(decision.AuditAnnotations.ContainsKey("guardrail-VG-NS-001"));
        Assert.Contains(new PolicyAction("VG-NS-001", "audit"), decision.Actions);
    }

    [Fact]
    public void ObjectTheEngineCannotEvaluateIsDeniedClosed()
    {
        var decision = Decide(Reviews.Review("u", Guardrails.Service("", spec: """{"type":"NodePort","ports":"eighty"}"""), kind: "Service"));
        Assert.Equal(AdmissionOutcome.Error, decision.Outcome);
        Assert.False(decision.Allowed);
        Assert.Equal(400, decision.Code);
        Assert.StartsWith("verity: guardrails could not evaluate v1 Service \"shop\": ", decision.Message, StringComparison.Ordinal);
        Assert.EndsWith("; denied (the webhook fails closed)", decision.Message, StringComparison.Ordinal);
        Assert.Equal([new PolicyAction("guardrails", "error")], decision.Actions);
    }

    [Fact]
    public void KindsNoEngineReadsAreStillSkipped()
    {
        var decision = Decide(Reviews.Review("u", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"web"}}""", kind: "ConfigMap"));
        Assert.Equal(AdmissionOutcome.Skipped, decision.Outcome);
        Assert.Equal("v1 ConfigMap is not judged: it runs no pod", decision.Message);
    }

    [Fact]
    public void ServiceStatusSubresourceAndDeleteAreNotJudged()
    {
        Assert.Equal(AdmissionOutcome.Skipped, Decide(Reviews.Review("u", Guardrails.Service("NodePort"), kind: "Service", subResource: "status")).Outcome);
        Assert.Equal(AdmissionOutcome.Skipped, Decide(Reviews.Review("u", null, operation: "DELETE", kind: "Service", oldObjectJson: Guardrails.Service("NodePort"))).Outcome);
    }

    [Fact]
    public void WithoutGuardrailsAServiceIsSkippedAsBefore()
    {
        var decision = Decide(Reviews.Review("u", Guardrails.Service("NodePort"), kind: "Service"), new AdmissionConfig());
        Assert.Equal(AdmissionOutcome.Skipped, decision.Outcome);
        Assert.Equal("v1 Service is not judged: it runs no pod", decision.Message);
    }

    [Fact]
    public void DeploymentTemplateIsJudgedByGuardrails()
    {
        var review = Reviews.Review("u", Reviews.Deployment(Guardrails.Pod("web", "nginx:latest", resources: true)), group: "apps", kind: "Deployment");
        var decision = Decide(review);
        Assert.Equal(AdmissionOutcome.Denied, decision.Outcome);
        Assert.StartsWith("VG-IMG-002: ", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingServiceObjectIsAnError()
    {
        var decision = Decide(Reviews.Review("u", null, kind: "Service"));
        Assert.Equal(AdmissionOutcome.Error, decision.Outcome);
        Assert.Equal("request.object is missing for CREATE v1 Service; cannot judge it (denied)", decision.Message);
    }

    [Fact]
    public void NamespaceSelectorUsesTheNamespaceLabelLookup()
    {
        var yaml = Guardrails.ConfigYaml.Replace("      action: enforce\n      exceptions:", "      action: enforce\n      namespaceSelector: {matchLabels: {env: prod}}\n      exceptions:", StringComparison.Ordinal);
        var loaded = GuardrailConfigLoader.Load(yaml, "selector.yaml");
        Assert.Empty(loaded.Diagnostics);
        var labels = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["web"] = new Dictionary<string, string> { ["env"] = "prod" } };
        var config = Guardrails.Admission(loaded.Config) with { NamespaceLabels = ns => labels.GetValueOrDefault(ns) };
        var pod = Guardrails.Pod("web", "nginx:latest", resources: true);
        Assert.Equal(AdmissionOutcome.Denied, Decide(Reviews.Review("u", pod), config).Outcome);
        Assert.Equal(AdmissionOutcome.Allowed, Decide(Reviews.Review("u", pod.Replace("\"namespace\":\"web\"", "\"namespace\":\"dev\"", StringComparison.Ordinal), ns: "dev"), config).Outcome);
    }
}
