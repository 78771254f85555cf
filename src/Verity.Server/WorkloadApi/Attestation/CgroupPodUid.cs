using System.Text.RegularExpressions;

namespace Verity.Server.WorkloadApi.Attestation;

/// <summary>
/// Finds a Kubernetes pod UID in the text of <c>/proc/PID/cgroup</c>. The kubelet puts each pod's containers in a
/// cgroup named after the pod UID: cgroupfs driver <c>/kubepods/burstable/pod&lt;uid&gt;/&lt;container&gt;</c>, systemd driver
/// <c>/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod&lt;uid with _&gt;.slice/...</c>. Pure.
/// </summary>
internal static partial class CgroupPodUid
{
    [GeneratedRegex(@"pod([0-9a-fA-F]{8}[-_][0-9a-fA-F]{4}[-_][0-9a-fA-F]{4}[-_][0-9a-fA-F]{4}[-_][0-9a-fA-F]{12})", RegexOptions.CultureInvariant)]
    private static partial Regex PodPattern();

    /// <summary>The pod UID (lower case, with dashes), or null when the process is not in a pod's cgroup.</summary>
    public static string? Find(string cgroupText)
    {
        foreach (var line in cgroupText.Split('\n'))
        {
            if (!line.Contains("kubepods", StringComparison.Ordinal)) continue;
            var match = PodPattern().Match(line);
            if (match.Success) return match.Groups[1].Value.Replace('_', '-').ToLowerInvariant();
        }
        return null;
    }
}
