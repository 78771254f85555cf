using static Verity.Admission.Pss.Checks.PssText;

namespace Verity.Admission.Pss.Checks;

/// <summary>Baseline <c>privileged</c> (v1.0): <c>securityContext.privileged</c> unset or false. Upstream: <c>policy/check_privileged.go</c>.</summary>
internal static class PrivilegedCheck
{
    public static PssCheck Check { get; } = new("privileged", PssLevel.Baseline, [new VersionedCheck(0, V1Dot0)]);

    private static CheckResult V1Dot0(PodInput pod)
    {
        var bad = pod.Containers.Where(c => c.SecurityContext?.Privileged == true).Select(c => c.Name).ToList();
        return bad.Count == 0 ? CheckResult.Allow
            : CheckResult.Forbid("privileged", $"{Containers(bad)} must not set securityContext.privileged=true");
    }
}
