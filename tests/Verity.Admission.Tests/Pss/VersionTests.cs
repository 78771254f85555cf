using Verity.Admission.Pss;

namespace Verity.Admission.Tests.Pss;

/// <summary>Checks whose rules change between policy versions, each at the version before and the version of the change.</summary>
public sealed class VersionTests
{
    /// <summary>Satisfies restricted at every version except for capabilities.</summary>
    private const string NoCapabilities = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
          containers:
          - name: app
            image: nginx
            securityContext: {allowPrivilegeEscalation: false}
        """;

    [Fact]
    public void Restricted_requires_dropping_all_capabilities_from_v1_22()
    {
        Assert.True(PssFixtures.Evaluate("restricted:v1.21", NoCapabilities).Allowed);
        var denied = PssFixtures.Evaluate("restricted:v1.22", NoCapabilities);
        Assert.Equal(
            "violates PodSecurity \"restricted:v1.22\": unrestricted capabilities (container \"app\" must set securityContext.capabilities.drop=[\"ALL\"])",
            denied.Message);
        Assert.Equal("capabilities_restricted", Assert.Single(denied.Violations).Check);
    }

    [Fact]
    public void Before_v1_22_restricted_runs_the_baseline_capabilities_check()
    {
        var pod = NoCapabilities.Replace("{allowPrivilegeEscalation: false}", "{allowPrivilegeEscalation: false, capabilities: {add: [NET_RAW]}}");
        var decision = PssFixtures.Evaluate("restricted:v1.21", pod);
        Assert.Equal("capabilities_baseline", Assert.Single(decision.Violations).Check);
        Assert.Equal("non-default capabilities (container \"app\" must not include \"NET_RAW\" in securityContext.capabilities.add)", decision.ForbiddenDetail);
    }

    private const string SeccompAnnotation = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations: {seccomp.security.alpha.kubernetes.io/pod: unconfined, container.seccomp.security.alpha.kubernetes.io/app: localhost/profile.json}
        spec:
          containers: [{name: app, image: nginx}]
        """;

    [Fact]
    public void Seccomp_annotations_are_checked_before_v1_19_and_ignored_from_v1_19()
    {
        Assert.Equal(
            "violates PodSecurity \"baseline:v1.18\": seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod=\"unconfined\")",
            PssFixtures.Evaluate("baseline:v1.18", SeccompAnnotation).Message);
        Assert.True(PssFixtures.Evaluate("baseline:v1.19", SeccompAnnotation).Allowed);
    }

    [Fact]
    public void Restricted_v1_18_uses_the_baseline_seccomp_check_and_v1_19_the_restricted_one()
    {
        var v118 = PssFixtures.Evaluate("restricted:v1.18", SeccompAnnotation);
        Assert.Equal(["seccompProfile_baseline", "allowPrivilegeEscalation", "runAsNonRoot"], v118.Violations.Select(v => v.Check));
        var v119 = PssFixtures.Evaluate("restricted:v1.19", SeccompAnnotation);
        Assert.Equal(["allowPrivilegeEscalation", "runAsNonRoot", "seccompProfile_restricted"], v119.Violations.Select(v => v.Check));
    }

    [Theory]
    [InlineData("v1.7", new[] { "runAsNonRoot" })]
    [InlineData("v1.8", new[] { "allowPrivilegeEscalation", "runAsNonRoot" })]
    [InlineData("v1.19", new[] { "allowPrivilegeEscalation", "runAsNonRoot", "seccompProfile_restricted" })]
    [InlineData("v1.22", new[] { "allowPrivilegeEscalation", "capabilities_restricted", "runAsNonRoot", "seccompProfile_restricted" })]
    [InlineData("v1.23", new[] { "allowPrivilegeEscalation", "capabilities_restricted", "runAsNonRoot", "runAsUser", "seccompProfile_restricted" })]
    public void Restricted_adds_requirements_version_by_version(string version, string[] checks)
    {
        const string root = """
            apiVersion: v1
            kind: Pod
            metadata: {name: root}
            spec:
              securityContext: {runAsUser: 0}
              containers: [{name: app, image: nginx}]
            """;
        Assert.Equal(checks, PssFixtures.Evaluate($"restricted:{version}", root).Violations.Select(v => v.Check));
    }

    [Theory]
    [InlineData("v1.26", "net.ipv4.ip_local_reserved_ports", false)]
    [InlineData("v1.27", "net.ipv4.ip_local_reserved_ports", true)]
    [InlineData("v1.28", "net.ipv4.tcp_keepalive_time", false)]
    [InlineData("v1.29", "net.ipv4.tcp_keepalive_time", true)]
    [InlineData("v1.31", "net.ipv4.tcp_rmem", false)]
    [InlineData("v1.32", "net.ipv4.tcp_rmem", true)]
    [InlineData("v1.36", "net.ipv4.tcp_notsent_lowat", false)]
    [InlineData("v1.37", "net.ipv4.tcp_notsent_lowat", true)]
    [InlineData("latest", "net.ipv4.tcp_slow_start_after_idle", true)]
    public void The_safe_sysctl_list_grows(string version, string sysctl, bool allowed)
    {
        var pod = $$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: tuned}
            spec:
              securityContext: {sysctls: [{name: {{sysctl}}, value: "1"}, {name: kernel.msgmax, value: "1"}]}
              containers: [{name: app, image: nginx}]
            """;
        var decision = PssFixtures.Evaluate($"baseline:{version}", pod);
        Assert.Equal(allowed ? "forbidden sysctls (kernel.msgmax)" : $"forbidden sysctls ({sysctl}, kernel.msgmax)", decision.ForbiddenDetail);
    }

    [Theory]
    [InlineData("v1.30", false)]
    [InlineData("v1.31", true)]
    public void SeLinux_type_container_engine_t_is_allowed_from_v1_31(string version, bool allowed)
    {
        const string pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: engine}
            spec:
              containers: [{name: app, image: nginx, securityContext: {seLinuxOptions: {type: container_engine_t}}}]
            """;
        var decision = PssFixtures.Evaluate($"baseline:{version}", pod);
        Assert.Equal(allowed, decision.Allowed);
        if (!allowed) Assert.Equal("seLinuxOptions (container \"app\" set forbidden securityContext.seLinuxOptions: type \"container_engine_t\")", decision.ForbiddenDetail);
    }

    [Theory]
    [InlineData("v1.33", true)]
    [InlineData("v1.34", false)]
    public void Probe_and_lifecycle_hosts_are_checked_from_v1_34(string version, bool allowed)
    {
        const string pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: probe}
            spec:
              containers:
              - name: b
                image: nginx
                livenessProbe: {httpGet: {host: z.example, port: 80}}
                lifecycle: {preStop: {httpGet: {host: a.example, port: 80}}}
              - name: a
                image: nginx
                readinessProbe: {tcpSocket: {host: a.example, port: 80}}
            """;
        var decision = PssFixtures.Evaluate($"baseline:{version}", pod);
        Assert.Equal(allowed, decision.Allowed);
        // Both lists are sorted sets upstream.
        if (!allowed) Assert.Equal("probe or lifecycle host (containers \"a\", \"b\" use probe or lifecycle hosts \"a.example\", \"z.example\")", decision.ForbiddenDetail);
    }

    private const string UnmaskedInUserNamespace = """
        apiVersion: v1
        kind: Pod
        metadata: {name: nested}
        spec:
          hostUsers: false
          containers: [{name: app, image: nginx, securityContext: {procMount: Unmasked}}]
        """;

    [Fact]
    public void ProcMount_unmasked_is_allowed_at_baseline_in_a_user_namespace_from_v1_35_but_never_at_restricted()
    {
        Assert.Equal("procMount (container \"app\" must not set securityContext.procMount to \"Unmasked\")",
            PssFixtures.Evaluate("baseline:v1.34", UnmaskedInUserNamespace).ForbiddenDetail);
        Assert.True(PssFixtures.Evaluate("baseline:v1.35", UnmaskedInUserNamespace).Allowed);
        var restricted = PssFixtures.Evaluate("restricted:v1.35", UnmaskedInUserNamespace);
        Assert.Contains(restricted.Violations, v => v.Check == "procMount_restricted");
        Assert.DoesNotContain(restricted.Violations, v => v.Check == "procMount");
        Assert.Contains(PssFixtures.Evaluate("restricted:v1.34", UnmaskedInUserNamespace).Violations, v => v.Check == "procMount");
    }

    [Fact]
    public void A_version_newer_than_the_engine_knows_is_evaluated_as_the_newest_but_keeps_its_name()
    {
        Assert.Equal(PssVersion.V1(37), PodSecurityEvaluator.Default.NewestVersion);
        var decision = PssFixtures.Evaluate("restricted:v1.99", NoCapabilities);
        Assert.StartsWith("violates PodSecurity \"restricted:v1.99\": unrestricted capabilities", decision.Message);
        Assert.Equal(PssFixtures.Evaluate("restricted:latest", NoCapabilities).ForbiddenDetail, decision.ForbiddenDetail);
        Assert.StartsWith("violates PodSecurity \"restricted:latest\"", PssFixtures.Evaluate("restricted:latest", NoCapabilities).Message);
    }

    [Theory]
    [InlineData("latest", true, "latest")]
    [InlineData("v1.0", true, "v1.0")]
    [InlineData("v1.30", true, "v1.30")]
    [InlineData("v1.030", false, null)]
    [InlineData("v2.1", false, null)]
    [InlineData("1.30", false, null)]
    [InlineData("v1.", false, null)]
    [InlineData("v1.3x", false, null)]
    [InlineData("Latest", false, null)]
    [InlineData("v1.99999999999", false, null)]
    public void Versions_parse_like_upstream_ParseVersion(string text, bool valid, string? printed)
    {
        Assert.Equal(valid, PssVersion.TryParse(text, out var version));
        if (valid) Assert.Equal(printed, version.ToString());
    }
}
