using k8s.Models;
using Verity.Admission.Pss;

namespace Verity.Admission.Tests.Pss;

/// <summary>Windows exemptions, container visiting order, message aggregation, defaulting and the privileged level.</summary>
public sealed class CheckBehaviourTests
{
    private const string WindowsPod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: win}
        spec:
          os: {name: windows}
          securityContext: {runAsNonRoot: true}
          containers: [{name: app, image: mcr.microsoft.com/windows/nanoserver}]
        """;

    [Fact]
    public void Windows_pods_are_exempt_from_privilege_escalation_capabilities_and_seccomp_from_v1_25()
    {
        Assert.True(PssFixtures.Evaluate("restricted:v1.25", WindowsPod).Allowed);
        Assert.Equal(["allowPrivilegeEscalation", "capabilities_restricted", "seccompProfile_restricted"],
            PssFixtures.Evaluate("restricted:v1.24", WindowsPod).Violations.Select(v => v.Check));
        // The exemption is for Windows only, and runAsNonRoot still applies.
        Assert.False(PssFixtures.Evaluate("restricted:v1.25", WindowsPod.Replace("name: windows", "name: linux")).Allowed);
        Assert.Equal(["runAsNonRoot"], PssFixtures.Evaluate("restricted:v1.25", WindowsPod.Replace("securityContext: {runAsNonRoot: true}", "securityContext: {}")).Violations.Select(v => v.Check));
    }

    [Fact]
    public void Containers_are_visited_init_then_regular_then_ephemeral_and_checks_are_ordered_baseline_then_restricted()
    {
        const string pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: mixed}
            spec:
              hostPID: true
              hostNetwork: true
              ephemeralContainers:
              - {name: debugger, image: busybox, securityContext: {privileged: true}}
              containers:
              - {name: app, image: nginx, securityContext: {privileged: true, runAsUser: 0}}
              initContainers:
              - {name: setup, image: busybox, securityContext: {privileged: true}}
            """;
        var decision = PssFixtures.Evaluate("restricted:v1.30", pod);
        Assert.Equal(
            "violates PodSecurity \"restricted:v1.30\": host namespaces (hostNetwork=true, hostPID=true), "
            + "privileged (containers \"setup\", \"app\", \"debugger\" must not set securityContext.privileged=true), "
            + "allowPrivilegeEscalation != false (containers \"setup\", \"app\", \"debugger\" must set securityContext.allowPrivilegeEscalation=false), "
            + "unrestricted capabilities (containers \"setup\", \"app\", \"debugger\" must set securityContext.capabilities.drop=[\"ALL\"]), "
            + "runAsNonRoot != true (pod or containers \"setup\", \"app\", \"debugger\" must set securityContext.runAsNonRoot=true), "
            + "runAsUser=0 (container \"app\" must not set runAsUser=0), "
            + "seccompProfile (pod or containers \"setup\", \"app\", \"debugger\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")",
            decision.Message);
        Assert.Equal("host namespaces, privileged, allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, runAsUser=0, seccompProfile",
            decision.ForbiddenReason);
    }

    [Fact]
    public void Capability_details_are_joined_with_semicolons()
    {
        const string pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: caps}
            spec:
              securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
              containers:
              - {name: a, image: nginx, securityContext: {allowPrivilegeEscalation: false, capabilities: {add: [SYS_ADMIN, NET_BIND_SERVICE, CHOWN]}}}
            """;
        Assert.Equal(
            "unrestricted capabilities (container \"a\" must set securityContext.capabilities.drop=[\"ALL\"]; container \"a\" must not include \"CHOWN\", \"SYS_ADMIN\" in securityContext.capabilities.add)",
            PssFixtures.Evaluate("restricted:latest", pod).ForbiddenDetail);
    }

    [Fact]
    public void AppArmor_profile_fields_and_annotations_are_reported_together()
    {
        const string pod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: aa
              annotations: {container.apparmor.security.beta.kubernetes.io/app: unconfined}
            spec:
              securityContext: {appArmorProfile: {type: Unconfined}}
              containers:
              - {name: app, image: nginx, securityContext: {appArmorProfile: {type: Localhost, localhostProfile: p}}}
              - {name: side, image: nginx, securityContext: {appArmorProfile: {type: Unconfined}}}
            """;
        Assert.Equal(
            "forbidden AppArmor profiles (pod and container \"side\" and annotation must not set AppArmor profile type to "
            + "\"Unconfined\", \"container.apparmor.security.beta.kubernetes.io/app=\"unconfined\"\")",
            PssFixtures.Evaluate("baseline:latest", pod).ForbiddenDetail);
    }

    [Fact]
    public void A_volume_without_a_source_is_defaulted_to_emptyDir_without_touching_the_input()
    {
        var pod = PssFixtures.Pod("""
            apiVersion: v1
            kind: Pod
            metadata: {name: scratch}
            spec:
              securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
              containers: [{name: app, image: nginx, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}]
              volumes: [{name: scratch}, {name: tools, image: {reference: tools:1}}, {name: data, nfs: {server: nfs.example, path: /}}]
            """);
        var decision = PodSecurityEvaluator.Default.EvaluatePod(PssFixtures.Policy("restricted:latest"), pod);
        Assert.Equal("restricted volume types (volume \"data\" uses restricted volume type \"nfs\")", decision.ForbiddenDetail);
        Assert.Null(pod.Spec.Volumes[0].EmptyDir);
    }

    [Fact]
    public void Host_network_pods_get_host_ports_by_defaulting_but_templates_do_not()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: hostnet}
            spec:
              hostNetwork: true
              containers: [{name: app, image: nginx, ports: [{containerPort: 8080}]}]
            """;
        var pod = PssFixtures.Pod(yaml);
        var policy = PssFixtures.Policy("baseline:latest");
        Assert.Equal("host namespaces (hostNetwork=true), hostPort (container \"app\" uses hostPort 8080)",
            PodSecurityEvaluator.Default.EvaluatePod(policy, pod).ForbiddenDetail);
        var template = new V1PodTemplateSpec { Metadata = pod.Metadata, Spec = pod.Spec };
        Assert.Equal("host namespaces (hostNetwork=true)", PodSecurityEvaluator.Default.EvaluateTemplate(policy, template).ForbiddenDetail);
        Assert.Null(pod.Spec.Containers[0].Ports[0].HostPort);
    }

    [Fact]
    public void Privileged_allows_everything()
    {
        const string pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: anything}
            spec:
              hostPID: true
              containers: [{name: app, image: nginx, securityContext: {privileged: true}}]
              volumes: [{name: root, hostPath: {path: /}}]
            """;
        var decision = PssFixtures.Evaluate("privileged:v1.30", pod);
        Assert.True(decision.Allowed);
        Assert.Equal("", decision.Message);
    }
}
