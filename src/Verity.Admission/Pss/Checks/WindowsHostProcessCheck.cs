using static Verity.Admission.Pss.Checks.PssText;

namespace Verity.Admission.Pss.Checks;

/// <summary>
/// Baseline <c>windowsHostProcess</c> (v1.0): <c>securityContext.windowsOptions.hostProcess</c> unset or false on the pod
/// and every container. Upstream: <c>policy/check_windowsHostProcess.go</c>.
/// </summary>
internal static class WindowsHostProcessCheck
{
    public static PssCheck Check { get; } = new("windowsHostProcess", PssLevel.Baseline, [new VersionedCheck(0, V1Dot0)]);

    private static CheckResult V1Dot0(PodInput pod)
    {
        var badContainers = pod.Containers.Where(c => c.SecurityContext?.WindowsOptions?.HostProcess == true).Select(c => c.Name).ToList();
        var setters = new List<string>();
        if (pod.Spec.SecurityContext?.WindowsOptions?.HostProcess == true) setters.Add("pod");
        if (badContainers.Count > 0) setters.Add(Containers(badContainers));
        return setters.Count == 0 ? CheckResult.Allow
            : CheckResult.Forbid("hostProcess", $"{string.Join(" and ", setters)} must not set securityContext.windowsOptions.hostProcess=true");
    }
}
