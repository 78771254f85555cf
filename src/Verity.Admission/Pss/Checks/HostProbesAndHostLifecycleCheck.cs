using k8s.Models;
using static Verity.Admission.Pss.Checks.PssText;

namespace Verity.Admission.Pss.Checks;

/// <summary>
/// Baseline <c>hostProbesAndHostLifecycle</c> (v1.34): probes' and lifecycle handlers' <c>httpGet.host</c> and
/// <c>tcpSocket.host</c> must be empty. Containers and hosts are listed as sorted sets.
/// Upstream: <c>policy/check_hostProbesAndhostLifecycle.go</c>.
/// </summary>
internal static class HostProbesAndHostLifecycleCheck
{
    public static PssCheck Check { get; } = new("hostProbesAndHostLifecycle", PssLevel.Baseline, [new VersionedCheck(34, V1Dot34)]);

    private static CheckResult V1Dot34(PodInput pod)
    {
        var badContainers = new List<string>();
        var hosts = new List<string>();
        foreach (var c in pod.Containers)
        {
            var bad = Probe(c.LivenessProbe).Concat(Probe(c.ReadinessProbe)).Concat(Probe(c.StartupProbe))
                .Concat(Handler(c.Lifecycle?.PostStart)).Concat(Handler(c.Lifecycle?.PreStop)).ToList();
            if (bad.Count == 0) continue;
            badContainers.Add(c.Name);
            hosts.AddRange(bad);
        }
        if (badContainers.Count == 0) return CheckResult.Allow;
        var containers = SortedSet(badContainers);
        var set = SortedSet(hosts);
        return CheckResult.Forbid("probe or lifecycle host",
            $"{Containers(containers)} {Pluralize("uses", "use", containers.Count)} {Pluralize("probe or lifecycle host", "probe or lifecycle hosts", set.Count)} {JoinQuote(set)}");
    }

    private static IEnumerable<string> Probe(V1Probe? probe) => Hosts(probe?.HttpGet?.Host, probe?.TcpSocket?.Host);

    private static IEnumerable<string> Handler(V1LifecycleHandler? handler) => Hosts(handler?.HttpGet?.Host, handler?.TcpSocket?.Host);

    private static IEnumerable<string> Hosts(string? http, string? tcp)
    {
        if (!string.IsNullOrEmpty(http)) yield return http;
        if (!string.IsNullOrEmpty(tcp)) yield return tcp;
    }
}
