using static Verity.Admission.Pss.Checks.PssText;

namespace Verity.Admission.Pss.Checks;

/// <summary>
/// Restricted <c>runAsUser</c> (v1.23): neither the pod nor a container sets <c>runAsUser: 0</c>. The opt-in
/// user-namespace relaxation is not applied (as <see cref="RunAsNonRootCheck"/>). Upstream: <c>policy/check_runAsUser.go</c>.
/// </summary>
internal static class RunAsUserCheck
{
    public static PssCheck Check { get; } = new("runAsUser", PssLevel.Restricted, [new VersionedCheck(23, V1Dot23)]);

    private static CheckResult V1Dot23(PodInput pod)
    {
        var badSetters = new List<string>();
        if (pod.Spec.SecurityContext?.RunAsUser == 0) badSetters.Add("pod");
        var bad = pod.Containers.Where(c => c.SecurityContext?.RunAsUser == 0).Select(c => c.Name).ToList();
        if (bad.Count > 0) badSetters.Add(Containers(bad));
        return badSetters.Count == 0 ? CheckResult.Allow
            : CheckResult.Forbid("runAsUser=0", $"{string.Join(" and ", badSetters)} must not set runAsUser=0");
    }
}
