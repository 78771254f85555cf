using static Verity.Admission.Pss.Checks.PssText;

namespace Verity.Admission.Pss.Checks;

/// <summary>
/// Baseline <c>capabilities_baseline</c> (v1.0): <c>securityContext.capabilities.add</c> only from the default set.
/// Upstream: <c>policy/check_capabilities_baseline.go</c>.
/// </summary>
internal static class CapabilitiesBaselineCheck
{
    public const string Id = "capabilities_baseline";

    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
        "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    };

    public static PssCheck Check { get; } = new(Id, PssLevel.Baseline, [new VersionedCheck(0, V1Dot0)]);

    private static CheckResult V1Dot0(PodInput pod)
    {
        var badContainers = new List<string>();
        var nonDefault = new List<string>();
        foreach (var c in pod.Containers)
        {
            var bad = (c.SecurityContext?.Capabilities?.Add ?? []).Where(cap => !Allowed.Contains(cap)).ToList();
            if (bad.Count == 0) continue;
            badContainers.Add(c.Name);
            nonDefault.AddRange(bad);
        }
        if (badContainers.Count == 0) return CheckResult.Allow;
        return CheckResult.Forbid("non-default capabilities",
            $"{Containers(badContainers)} must not include {JoinQuote(SortedSet(nonDefault))} in securityContext.capabilities.add");
    }
}
