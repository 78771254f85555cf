using Verity.Admission.Pss;

namespace Verity.Admission.Tests.Pss;

/// <summary>Pods and every kind of workload template judged through a snapshot, with namespace labels.</summary>
public sealed class SnapshotEvaluatorTests
{
    private const string Manifests = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: prod
          labels: {pod-security.kubernetes.io/enforce: restricted, pod-security.kubernetes.io/enforce-version: v1.30, pod-security.kubernetes.io/warn: baseline}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: prod}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: app, image: nginx}]
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: backup, namespace: prod}
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                  containers: [{name: backup, image: busybox, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}]
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: prod}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata:
              labels: {app: agent}
              annotations: {container.apparmor.security.beta.kubernetes.io/agent: unconfined}
            spec:
              hostNetwork: true
              containers: [{name: agent, image: agent}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: debug, namespace: dev}
        spec:
          containers: [{name: shell, image: busybox, securityContext: {privileged: true}}]
        """;

    [Fact]
    public void Workload_templates_and_pods_are_judged_by_their_namespace_labels()
    {
        var results = PssSnapshotEvaluator.Evaluate(PssFixtures.Snapshot(Manifests));
        Assert.Equal(["dev/pod/debug", "prod/cronjob/backup", "prod/daemonset/agent", "prod/deployment/web"], results.Select(r => r.Resource));

        var debug = results[0];
        Assert.True(debug.Allowed);
        Assert.Equal("privileged:latest", debug.Enforce.Policy.ToString());

        Assert.True(results[1].Allowed);

        var agent = results[2];
        Assert.Equal("restricted:v1.30", agent.Enforce.Policy.ToString());
        Assert.Equal(["appArmorProfile", "hostNamespaces", "allowPrivilegeEscalation", "capabilities_restricted", "runAsNonRoot", "seccompProfile_restricted"],
            agent.Enforce.Violations.Select(v => v.Check));
        Assert.Equal("baseline:latest", agent.Warn.Policy.ToString());
        Assert.Equal(["appArmorProfile", "hostNamespaces"], agent.Warn.Violations.Select(v => v.Check));
        Assert.True(agent.Audit.Allowed);

        Assert.Equal(
            "violates PodSecurity \"restricted:v1.30\": allowPrivilegeEscalation != false (container \"app\" must set securityContext.allowPrivilegeEscalation=false), "
            + "unrestricted capabilities (container \"app\" must set securityContext.capabilities.drop=[\"ALL\"]), "
            + "runAsNonRoot != true (pod or container \"app\" must set securityContext.runAsNonRoot=true), "
            + "seccompProfile (pod or container \"app\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")",
            results[3].Enforce.Message);
    }

    [Fact]
    public void An_explicit_enforce_policy_replaces_the_labels_but_audit_and_warn_still_come_from_them()
    {
        var results = PssSnapshotEvaluator.Evaluate(PssFixtures.Snapshot(Manifests),
            new PssSnapshotOptions { Enforce = new PssLevelVersion(PssLevel.Baseline, PssVersion.V1(25)) });
        Assert.All(results, r => Assert.Equal("baseline:v1.25", r.Enforce.Policy.ToString()));
        Assert.Equal(["dev/pod/debug", "prod/daemonset/agent"], results.Where(r => !r.Allowed).Select(r => r.Resource));
        Assert.Equal("baseline:latest", results.Single(r => r.Name == "web").Warn.Policy.ToString());
    }

    [Theory]
    [InlineData("apps/v1", "StatefulSet", "spec:\n  serviceName: s\n  selector: {matchLabels: {a: b}}\n  template:")]
    [InlineData("apps/v1", "ReplicaSet", "spec:\n  selector: {matchLabels: {a: b}}\n  template:")]
    [InlineData("batch/v1", "Job", "spec:\n  template:")]
    [InlineData("v1", "ReplicationController", "spec:\n  template:")]
    public void Every_workload_kind_is_judged_through_its_template(string apiVersion, string kind, string specHead)
    {
        var yaml = $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: w, namespace: ns}}\n{specHead}\n"
            + "    metadata: {labels: {a: b}}\n    spec:\n      containers: [{name: c, image: i, securityContext: {privileged: true}}]\n";
        var result = Assert.Single(PssSnapshotEvaluator.Evaluate(PssFixtures.Snapshot(yaml),
            new PssSnapshotOptions { Enforce = new PssLevelVersion(PssLevel.Baseline, PssVersion.Latest) }));
        Assert.Equal($"ns/{kind.ToLowerInvariant()}/w", result.Resource);
        Assert.Equal("privileged (container \"c\" must not set securityContext.privileged=true)", result.Enforce.ForbiddenDetail);
    }
}
