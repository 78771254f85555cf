using static Verity.Admission.Pss.Checks.PssText;

namespace Verity.Admission.Pss.Checks;

/// <summary>
/// Restricted <c>runAsNonRoot</c> (v1.0): the pod sets <c>runAsNonRoot: true</c> or every container does, and nothing sets
/// it false. Upstream's opt-in relaxation for user-namespace pods (<c>RelaxPolicyForUserNamespacePods</c>, off by
/// default) is not applied. Upstream: <c>policy/check_runAsNonRoot.go</c>.
/// </summary>
internal static class RunAsNonRootCheck
{
    public static PssCheck Check { get; } = new("runAsNonRoot", PssLevel.Restricted, [new VersionedCheck(0, V1Dot0)]);

    private static CheckResult V1Dot0(PodInput pod)
    {
        var badSetters = new List<string>();
        var podNonRoot = false;
        if (pod.Spec.SecurityContext?.RunAsNonRoot is { } podValue)
        {
            if (!podValue) badSetters.Add("pod");
            else podNonRoot = true;
        }
        var explicitlyBad = new List<string>();
        var implicitlyBad = new List<string>();
        foreach (var c in pod.Containers)
        {
            if (c.SecurityContext?.RunAsNonRoot is { } value)
            {
                if (!value) explicitlyBad.Add(c.Name);
            }
            else if (!podNonRoot)
            {
                implicitlyBad.Add(c.Name);
            }
        }
        if (explicitlyBad.Count > 0) badSetters.Add(Containers(explicitlyBad));
        if (badSetters.Count > 0)
            return CheckResult.Forbid("runAsNonRoot != true", $"{string.Join(" and ", badSetters)} must not set securityContext.runAsNonRoot=false");
        if (implicitlyBad.Count > 0)
            return CheckResult.Forbid("runAsNonRoot != true", $"pod or {Containers(implicitlyBad)} must set securityContext.runAsNonRoot=true");
        return CheckResult.Allow;
    }
}
