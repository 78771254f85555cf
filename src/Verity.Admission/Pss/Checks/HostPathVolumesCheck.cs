using static Verity.Admission.Pss.Checks.PssText;

namespace Verity.Admission.Pss.Checks;

/// <summary>Baseline <c>hostPathVolumes</c> (v1.0): no <c>hostPath</c> volume. Upstream: <c>policy/check_hostPathVolumes.go</c>.</summary>
internal static class HostPathVolumesCheck
{
    public const string Id = "hostPathVolumes";

    public static PssCheck Check { get; } = new(Id, PssLevel.Baseline, [new VersionedCheck(0, V1Dot0)]);

    private static CheckResult V1Dot0(PodInput pod)
    {
        var volumes = (pod.Spec.Volumes ?? []).Where(v => v.HostPath is not null).Select(v => v.Name).ToList();
        return volumes.Count == 0 ? CheckResult.Allow
            : CheckResult.Forbid("hostPath volumes", $"{Pluralize("volume", "volumes", volumes.Count)} {JoinQuote(volumes)}");
    }
}
