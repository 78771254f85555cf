using static Verity.Admission.Pss.Checks.PssText;

namespace Verity.Admission.Pss.Checks;

/// <summary>
/// Restricted <c>allowPrivilegeEscalation</c>: every container sets <c>allowPrivilegeEscalation: false</c> (v1.8, when the
/// field appeared); from v1.25 Windows pods (<c>spec.os.name: windows</c>) are exempt.
/// Upstream: <c>policy/check_allowPrivilegeEscalation.go</c>.
/// </summary>
internal static class AllowPrivilegeEscalationCheck
{
    public static PssCheck Check { get; } = new("allowPrivilegeEscalation", PssLevel.Restricted,
        [new VersionedCheck(8, V1Dot8), new VersionedCheck(25, pod => pod.IsWindows ? CheckResult.Allow : V1Dot8(pod))]);

    private static CheckResult V1Dot8(PodInput pod)
    {
        var bad = pod.Containers.Where(c => c.SecurityContext?.AllowPrivilegeEscalation != false).Select(c => c.Name).ToList();
        return bad.Count == 0 ? CheckResult.Allow
            : CheckResult.Forbid("allowPrivilegeEscalation != false", $"{Containers(bad)} must set securityContext.allowPrivilegeEscalation=false");
    }
}
