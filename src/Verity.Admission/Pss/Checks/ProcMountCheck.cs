using static Verity.Admission.Pss.Checks.PssText;

namespace Verity.Admission.Pss.Checks;

/// <summary>
/// Baseline <c>procMount</c>: <c>securityContext.procMount</c> unset or <c>Default</c> (v1.0); from v1.35 any value is
/// allowed when the pod runs in a user namespace (<c>hostUsers: false</c>). Restricted <c>procMount_restricted</c>
/// (v1.35) keeps the unconditional v1.0 rule and overrides the baseline one.
/// Upstream: <c>policy/check_procMount_baseline.go</c>, <c>policy/check_procMount_restricted.go</c>.
/// </summary>
internal static class ProcMountCheck
{
    public const string Id = "procMount";

    public static PssCheck Baseline { get; } = new(Id, PssLevel.Baseline, [new VersionedCheck(0, V1Dot0), new VersionedCheck(35, V1Dot35Baseline)]);

    public static PssCheck Restricted { get; } = new("procMount_restricted", PssLevel.Restricted,
        [new VersionedCheck(35, V1Dot0) { Overrides = [Id] }]);

    private static CheckResult V1Dot0(PodInput pod)
    {
        var badContainers = new List<string>();
        var types = new List<string>();
        foreach (var c in pod.Containers)
        {
            if (c.SecurityContext?.ProcMount is not { } procMount || procMount == "Default") continue;
            badContainers.Add(c.Name);
            types.Add(procMount);
        }
        if (badContainers.Count == 0) return CheckResult.Allow;
        return CheckResult.Forbid("procMount", $"{Containers(badContainers)} must not set securityContext.procMount to {JoinQuote(SortedSet(types))}");
    }

    private static CheckResult V1Dot35Baseline(PodInput pod) => pod.Spec.HostUsers == false ? CheckResult.Allow : V1Dot0(pod);
}
