using System.Globalization;
using static Verity.Admission.Pss.Checks.PssText;

namespace Verity.Admission.Pss.Checks;

/// <summary>
/// Baseline <c>hostPorts</c> (v1.0): no container port with a non-zero <c>hostPort</c>. The ports are listed as a sorted
/// string set, as upstream does. Upstream: <c>policy/check_hostPorts.go</c>.
/// </summary>
internal static class HostPortsCheck
{
    public static PssCheck Check { get; } = new("hostPorts", PssLevel.Baseline, [new VersionedCheck(0, V1Dot0)]);

    private static CheckResult V1Dot0(PodInput pod)
    {
        var badContainers = new List<string>();
        var ports = new List<string>();
        foreach (var c in pod.Containers)
        {
            var used = (c.Ports ?? []).Where(p => p.HostPort is { } h && h != 0).Select(p => p.HostPort!.Value.ToString(CultureInfo.InvariantCulture)).ToList();
            if (used.Count == 0) continue;
            badContainers.Add(c.Name);
            ports.AddRange(used);
        }
        if (badContainers.Count == 0) return CheckResult.Allow;
        var set = SortedSet(ports);
        return CheckResult.Forbid("hostPort",
            $"{Containers(badContainers)} {Pluralize("uses", "use", badContainers.Count)} {Pluralize("hostPort", "hostPorts", set.Count)} {string.Join(", ", set)}");
    }
}
