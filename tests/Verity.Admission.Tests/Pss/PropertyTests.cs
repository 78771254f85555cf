using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using k8s.Models;
using Verity.Admission.Pss;

namespace Verity.Admission.Tests.Pss;

/// <summary>Properties over generated pods and strings, against small obviously-correct references.</summary>
public sealed class PropertyTests
{
    private static readonly string[] Order =
    [
        "appArmorProfile", "capabilities_baseline", "hostNamespaces", "hostPathVolumes", "hostPorts", "hostProbesAndHostLifecycle",
        "privileged", "procMount", "seLinuxOptions", "seccompProfile_baseline", "sysctls", "windowsHostProcess",
        "allowPrivilegeEscalation", "capabilities_restricted", "procMount_restricted", "restrictedVolumes", "runAsNonRoot", "runAsUser",
        "seccompProfile_restricted",
    ];

    private static V1PodSpec Spec(int knobs)
    {
        bool On(int bit) => (knobs & (1 << bit)) != 0;
        var seccomp = ((knobs >> 12) & 3) switch { 0 => null, 1 => new V1SeccompProfile { Type = "RuntimeDefault" }, _ => new V1SeccompProfile { Type = "Unconfined" } };
        var container = new V1Container
        {
            Name = "app",
            Image = "nginx",
            Ports = On(0) ? [new V1ContainerPort { ContainerPort = 80, HostPort = 80 }] : null,
            SecurityContext = new V1SecurityContext
            {
                Privileged = On(1) ? true : null,
                AllowPrivilegeEscalation = On(2) ? false : null,
                Capabilities = new V1Capabilities { Drop = On(3) ? ["ALL"] : null, Add = On(4) ? ["NET_RAW"] : On(5) ? ["CHOWN"] : null },
                ProcMount = On(6) ? "Unmasked" : null,
                RunAsUser = On(7) ? 0 : null,
                SeccompProfile = On(8) ? seccomp : null,
            },
        };
        return new V1PodSpec
        {
            HostPID = On(9),
            HostUsers = On(10) ? false : null,
            Containers = [container],
            InitContainers = On(11) ? [new V1Container { Name = "init", Image = "busybox" }] : null,
            SecurityContext = new V1PodSecurityContext { RunAsNonRoot = On(14) ? true : null, SeccompProfile = On(8) ? null : seccomp },
            Volumes = On(15) ? [new V1Volume { Name = "host", HostPath = new V1HostPathVolumeSource { Path = "/" } }] : On(16) ? [new V1Volume { Name = "scratch" }] : null,
        };
    }

    /// <summary>Every combination of the 17 knobs of <see cref="Spec"/> (FsCheck's own ints stay small), at v1.0 … v1.39.</summary>
    private static Arbitrary<(int Knobs, int Minor)> Pods { get; } =
        Gen.Choose(0, (1 << 17) - 1).SelectMany(k => Gen.Choose(0, 39).Select(m => (k, m))).ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property Restricted_never_allows_a_linux_pod_that_baseline_denies() => Prop.ForAll(Pods, p => RestrictedIsStricter(p.Knobs, p.Minor));

    [Property(MaxTest = 1000)]
    public Property Violations_come_in_upstream_order_baseline_ids_then_restricted_ids() => Prop.ForAll(Pods, p => InUpstreamOrder(p.Knobs, p.Minor));

    private static bool RestrictedIsStricter(int knobs, int minor)
    {
        var version = PssVersion.V1(minor % 40);
        var spec = Spec(knobs);
        var restricted = PodSecurityEvaluator.Default.Evaluate(new PssLevelVersion(PssLevel.Restricted, version), null, spec, isPod: true);
        var baseline = PodSecurityEvaluator.Default.Evaluate(new PssLevelVersion(PssLevel.Baseline, version), null, spec, isPod: true);
        var privileged = PodSecurityEvaluator.Default.Evaluate(new PssLevelVersion(PssLevel.Privileged, version), null, spec, isPod: true);
        return (!restricted.Allowed || baseline.Allowed) && privileged.Allowed;
    }

    private static bool InUpstreamOrder(int knobs, int minor)
    {
        var decision = PodSecurityEvaluator.Default.Evaluate(new PssLevelVersion(PssLevel.Restricted, PssVersion.V1(minor % 40)), null, Spec(knobs), isPod: true);
        var positions = decision.Violations.Select(v => Array.IndexOf(Order, v.Check)).ToList();
        return positions.All(p => p >= 0) && positions.SequenceEqual(positions.Order())
            && decision.Violations.All(v => v.Reason.Length > 0)
            && decision.Message == (decision.Allowed ? "" : $"violates PodSecurity \"{decision.Policy}\": {string.Join(", ", decision.Violations.Select(v => v.Message))}");
    }

    private static readonly Regex UpstreamVersion = new(@"^v1\.(0|[1-9][0-9]*)\z", RegexOptions.CultureInvariant);

    [Property(MaxTest = 2000)]
    public Property Version_parsing_matches_the_upstream_regular_expression()
    {
        var texts = Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>(),
            Gen.Elements("v1.", "v1.0", "v1.00", "v1.1", "v1.30", "v1.037", "v2.1", "V1.2", "v1.2 ", "latest", "v1.-1", "v1.١"),
            Gen.Choose(0, 400).Select(n => $"v1.{n}"));
        return Prop.ForAll(texts.ToArbitrary(), text =>
        {
            var reference = text == "latest" || (text is not null && UpstreamVersion.IsMatch(text) && int.TryParse(text[3..], out _));
            return PssVersion.TryParse(text, out var version) == reference && (!reference || version.ToString() == text);
        });
    }
}
