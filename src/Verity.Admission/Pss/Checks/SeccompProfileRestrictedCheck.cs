using static Verity.Admission.Pss.Checks.PssText;

namespace Verity.Admission.Pss.Checks;

/// <summary>
/// Restricted <c>seccompProfile_restricted</c> (v1.19, overriding <c>seccompProfile_baseline</c>): the pod sets
/// <c>seccompProfile.type</c> RuntimeDefault or Localhost, or every container does, and none sets another type; from
/// v1.25 Windows pods are exempt. Before v1.19 restricted runs the baseline annotation check instead.
/// Upstream: <c>policy/check_seccompProfile_restricted.go</c>.
/// </summary>
internal static class SeccompProfileRestrictedCheck
{
    public static PssCheck Check { get; } = new("seccompProfile_restricted", PssLevel.Restricted,
    [
        new VersionedCheck(19, V1Dot19) { Overrides = [SeccompProfileBaselineCheck.Id] },
        new VersionedCheck(25, pod => pod.IsWindows ? CheckResult.Allow : V1Dot19(pod)) { Overrides = [SeccompProfileBaselineCheck.Id] },
    ]);

    private static CheckResult V1Dot19(PodInput pod)
    {
        var badSetters = new List<string>();
        var badValues = new List<string>();
        var podSet = false;
        if (pod.Spec.SecurityContext?.SeccompProfile is { } podProfile)
        {
            if (!SeccompProfileBaselineCheck.ValidType(podProfile.Type))
            {
                badSetters.Add("pod");
                badValues.Add(podProfile.Type ?? "");
            }
            else
            {
                podSet = true;
            }
        }
        var explicitlyBad = new List<string>();
        var implicitlyBad = new List<string>();
        foreach (var c in pod.Containers)
        {
            if (c.SecurityContext?.SeccompProfile is { } profile)
            {
                if (SeccompProfileBaselineCheck.ValidType(profile.Type)) continue;
                explicitlyBad.Add(c.Name);
                badValues.Add(profile.Type ?? "");
            }
            else if (!podSet)
            {
                implicitlyBad.Add(c.Name);
            }
        }
        if (explicitlyBad.Count > 0) badSetters.Add(Containers(explicitlyBad));
        if (badSetters.Count > 0)
            return CheckResult.Forbid("seccompProfile",
                $"{string.Join(" and ", badSetters)} must not set securityContext.seccompProfile.type to {JoinQuote(SortedSet(badValues))}");
        if (implicitlyBad.Count > 0)
            return CheckResult.Forbid("seccompProfile",
                $"pod or {Containers(implicitlyBad)} must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"");
        return CheckResult.Allow;
    }
}
