using System.Text;
using Verity.Admission.Pss;
using Verity.Server.Admission;

namespace Verity.Server.Tests;

public sealed class AdmissionDeciderTests
{
    internal static AdmissionRequestInfo Request(string review)
    {
        var parsed = AdmissionReviewParser.Parse(Encoding.UTF8.GetBytes(review));
        Assert.True(parsed.Ok, string.Join("; ", parsed.Problems));
        return parsed.Request!;
    }

    private static AdmissionDecision Decide(string review, AdmissionConfig? config = null) => AdmissionDecider.Decide(Request(review), config ?? new AdmissionConfig());

    [Fact]
    public void RestrictedPodIsAllowedWithoutWarningsOrAuditViolations()
    {
        var decision = Decide(Reviews.Review("u1", Reviews.RestrictedPod));
        Assert.Equal(AdmissionOutcome.Allowed, decision.Outcome);
        Assert.True(decision.Allowed);
        Assert.Equal(200, decision.Code);
        Assert.Empty(decision.Warnings);
        Assert.Equal(new Dictionary<string, string> { ["pss-enforce-policy"] = "baseline:latest" }, decision.AuditAnnotations);
        Assert.Equal([new PolicyAction("pss-enforce", "allow")], decision.Actions);
    }

    [Fact]
    public void PrivilegedPodIsDeniedWithThePodSecurityAdmissionMessage()
    {
        var decision = Decide(Reviews.Review("u1", Reviews.PrivilegedPod));
        Assert.Equal(AdmissionOutcome.Denied, decision.Outcome);
        Assert.False(decision.Allowed);
        Assert.Equal(403, decision.Code);
        Assert.Equal(Reviews.PrivilegedMessage, decision.Message);
    }

    [Fact]
    public void BaselinePodGetsTheRestrictedWarningAndAuditAnnotation()
    {
        var decision = Decide(Reviews.Review("u1", Reviews.PlainPod));
        Assert.Equal(AdmissionOutcome.Allowed, decision.Outcome);
        Assert.Equal([Reviews.PlainRestrictedWarning], decision.Warnings);
        Assert.Equal(Reviews.PlainRestrictedWarning, decision.AuditAnnotations["pss-audit-violations"]);
        Assert.Equal([new("pss-enforce", "allow"), new("pss-warn", "warn"), new("pss-audit", "audit")], decision.Actions);
    }

    [Theory]
    [InlineData("apps", "Deployment")]
    [InlineData("apps", "StatefulSet")]
    [InlineData("apps", "DaemonSet")]
    [InlineData("apps", "ReplicaSet")]
    [InlineData("batch", "Job")]
    [InlineData("", "ReplicationController")]
    public void WorkloadTemplatesAreJudged(string group, string kind)
    {
        var workload = Reviews.Deployment(Reviews.PrivilegedPod).Replace("\"Deployment\"", $"\"{kind}\"", StringComparison.Ordinal);
        var decision = Decide(Reviews.Review("u1", workload, group: group, kind: kind));
        Assert.Equal(AdmissionOutcome.Denied, decision.Outcome);
        Assert.Equal(Reviews.PrivilegedMessage, decision.Message);
    }

    [Fact]
    public void CronJobJobTemplateIsJudged()
    {
        Assert.Equal(AdmissionOutcome.Denied, Decide(Reviews.Review("u1", Reviews.CronJob(Reviews.PrivilegedPod), group: "batch", kind: "CronJob")).Outcome);
        Assert.Equal(AdmissionOutcome.Allowed, Decide(Reviews.Review("u1", Reviews.CronJob(Reviews.RestrictedPod), group: "batch", kind: "CronJob")).Outcome);
    }

    [Theory]
    [InlineData("DELETE", "DELETE is not judged: Pod Security applies to objects being created or updated")]
    [InlineData("CONNECT", "CONNECT is not judged: Pod Security applies to objects being created or updated")]
    public void DeleteAndConnectAreAllowedWithTheReason(string operation, string message)
    {
        var decision = Decide(Reviews.Review("u1", null, operation: operation, oldObjectJson: Reviews.PrivilegedPod));
        Assert.Equal(AdmissionOutcome.Skipped, decision.Outcome);
        Assert.True(decision.Allowed);
        Assert.Equal(message, decision.Message);
    }

    [Fact]
    public void KindsThatRunNoPodAreAllowedWithTheReason()
    {
        var decision = Decide(Reviews.Review("u1", """{"apiVersion":"v1","kind":"ConfigMap","data":{}}""", kind: "ConfigMap"));
        Assert.Equal(AdmissionOutcome.Skipped, decision.Outcome);
        Assert.Equal("v1 ConfigMap is not judged: it runs no pod", decision.Message);
        Assert.Equal([new PolicyAction("pss", "skip")], decision.Actions);
    }

    [Fact]
    public void PodInTheWrongGroupIsNotMistakenForAPod()
    {
        var decision = Decide(Reviews.Review("u1", Reviews.PrivilegedPod, group: "example.com", kind: "Pod"));
        Assert.Equal(AdmissionOutcome.Skipped, decision.Outcome);
        Assert.Equal("example.com/v1 Pod is not judged: it runs no pod", decision.Message);
    }

    [Fact]
    public void SubresourcesAreSkippedExceptEphemeralContainers()
    {
        var status = Decide(Reviews.Review("u1", Reviews.PrivilegedPod, operation: "UPDATE", subResource: "status", oldObjectJson: Reviews.PlainPod));
        Assert.Equal(AdmissionOutcome.Skipped, status.Outcome);
        Assert.Equal("subresource \"status\" of v1 Pod is not judged", status.Message);
        var ephemeral = Decide(Reviews.Review("u1", Reviews.PrivilegedPod, operation: "UPDATE", subResource: "ephemeralcontainers", oldObjectJson: Reviews.PlainPod));
        Assert.Equal(AdmissionOutcome.Denied, ephemeral.Outcome);
    }

    [Fact]
    public void MissingObjectOnCreateIsAnErrorNotAnAllow()
    {
        var decision = Decide(Reviews.Review("u1", null));
        Assert.Equal(AdmissionOutcome.Error, decision.Outcome);
        Assert.False(decision.Allowed);
        Assert.Equal(400, decision.Code);
        Assert.Equal("request.object is missing for CREATE v1 Pod; cannot judge it (denied)", decision.Message);
    }

    [Fact]
    public void ObjectOfTheWrongShapeIsAnError()
    {
        var decision = Decide(Reviews.Review("u1", """{"kind":"Pod","spec":{"containers":"not-a-list"}}"""));
        Assert.Equal(AdmissionOutcome.Error, decision.Outcome);
        Assert.False(decision.Allowed);
        Assert.StartsWith("request.object is not a valid v1 Pod: ", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PodUpdateThatChangesNoImageIsNotJudged()
    {
        var relabelled = Reviews.PrivilegedPod.Replace("\"name\":\"bad\"", "\"name\":\"bad\",\"labels\":{\"a\":\"b\"}", StringComparison.Ordinal);
        var decision = Decide(Reviews.Review("u1", relabelled, operation: "UPDATE", oldObjectJson: Reviews.PrivilegedPod));
        Assert.Equal(AdmissionOutcome.Skipped, decision.Outcome);
        Assert.Equal("pod update changes no image, container list or seccomp annotation: not judged, as Pod Security Admission does", decision.Message);
    }

    [Theory]
    [InlineData("\"image\":\"nginx\"", "\"image\":\"nginx:1.27\"")]
    [InlineData("\"name\":\"bad\"", "\"name\":\"bad\",\"annotations\":{\"container.seccomp.security.alpha.kubernetes.io/app\":\"unconfined\"}")]
    [InlineData("\"containers\":[", "\"ephemeralContainers\":[{\"name\":\"debug\",\"image\":\"busybox\"}],\"containers\":[")]
    public void SignificantPodUpdateIsJudged(string from, string to)
    {
        var updated = Reviews.PrivilegedPod.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Reviews.PrivilegedPod, updated);
        Assert.Equal(AdmissionOutcome.Denied, Decide(Reviews.Review("u1", updated, operation: "UPDATE", oldObjectJson: Reviews.PrivilegedPod)).Outcome);
    }

    [Fact]
    public void PodUpdateWithAMissingContainerListChangeIsJudged()
    {
        Assert.Equal(AdmissionOutcome.Denied, Decide(Reviews.Review("u1", Reviews.PrivilegedPod, operation: "UPDATE", oldObjectJson: """{"kind":"Pod","spec":{}}""")).Outcome);
    }

    [Fact]
    public void WorkloadUpdateIsJudgedOnlyWhenThePodTemplateChanges()
    {
        var deployment = Reviews.Deployment(Reviews.PrivilegedPod);
        var scaled = deployment.Replace("\"spec\":{\"template\"", "\"spec\":{\"replicas\":5,\"template\"", StringComparison.Ordinal);
        Assert.NotEqual(deployment, scaled);
        var unchanged = Decide(Reviews.Review("u1", scaled, operation: "UPDATE", group: "apps", kind: "Deployment", oldObjectJson: deployment));
        Assert.Equal(AdmissionOutcome.Skipped, unchanged.Outcome);
        Assert.Equal("apps/v1 Deployment update leaves the pod template unchanged: not judged, as Pod Security Admission does", unchanged.Message);
        var changed = Decide(Reviews.Review("u1", deployment, operation: "UPDATE", group: "apps", kind: "Deployment", oldObjectJson: Reviews.Deployment(Reviews.RestrictedPod)));
        Assert.Equal(AdmissionOutcome.Denied, changed.Outcome);
    }

    [Fact]
    public void NamespaceLabelsOverrideTheDefaultsAsPodSecurityAdmissionReadsThem()
    {
        var labels = new Dictionary<string, string>
        {
            ["pod-security.kubernetes.io/enforce"] = "restricted",
            ["pod-security.kubernetes.io/enforce-version"] = "v1.30",
            ["pod-security.kubernetes.io/warn"] = "Restricted",
        };
        var config = new AdmissionConfig { NamespaceLabels = ns => ns == "web" ? labels : null };
        var decision = Decide(Reviews.Review("u1", Reviews.PlainPod), config);
        Assert.Equal(AdmissionOutcome.Denied, decision.Outcome);
        Assert.StartsWith("violates PodSecurity \"restricted:v1.30\": allowPrivilegeEscalation != false", decision.Message, StringComparison.Ordinal);
        Assert.Equal(["namespace \"web\": pod-security.kubernetes.io/warn=\"Restricted\": must be one of privileged, baseline, restricted (evaluated as privileged)"], decision.Warnings);
        Assert.Equal("restricted:v1.30", decision.AuditAnnotations["pss-enforce-policy"]);
        var elsewhere = Decide(Reviews.Review("u1", Reviews.PlainPod, ns: "other"), config);
        Assert.Equal(AdmissionOutcome.Allowed, elsewhere.Outcome);
    }

    [Fact]
    public void WarnEqualToADenyingEnforceAddsNoDuplicateWarning()
    {
        var restricted = new PssLevelVersion(PssLevel.Restricted, PssVersion.Latest);
        var decision = Decide(Reviews.Review("u1", Reviews.PlainPod), new AdmissionConfig { Enforce = restricted, Warn = restricted, Audit = PssLevelVersion.PrivilegedLatest });
        Assert.Equal(AdmissionOutcome.Denied, decision.Outcome);
        Assert.Empty(decision.Warnings);
        Assert.False(decision.AuditAnnotations.ContainsKey("pss-audit-violations"));
    }

    [Fact]
    public void DryRunIsDecidedTheSameWay()
    {
        var wet = Decide(Reviews.Review("u1", Reviews.PrivilegedPod));
        var dry = Decide(Reviews.Review("u1", Reviews.PrivilegedPod, dryRun: true));
        Assert.True(Request(Reviews.Review("u1", Reviews.PrivilegedPod, dryRun: true)).DryRun);
        Assert.Equal(wet.Outcome, dry.Outcome);
        Assert.Equal(wet.Message, dry.Message);
    }
}
