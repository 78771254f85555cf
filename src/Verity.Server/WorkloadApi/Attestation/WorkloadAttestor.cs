using Verity.Server.WorkloadApi.Entries;

namespace Verity.Server.WorkloadApi.Attestation;

/// <summary>
/// Turns a caller's peer credentials into selectors: always <c>unix:uid</c>, <c>unix:gid</c>, <c>unix:pid</c>;
/// <c>k8s:pod-uid</c> when the process's cgroup names a pod; <c>k8s:ns</c> and <c>k8s:sa</c> only when a pod resolver is
/// configured and knows the pod (the CLI has none yet: docs/workload-api.md, "Attestation limits").
/// Supplementary groups are not looked up (SO_PEERCRED carries the primary gid only).
/// </summary>
internal sealed class WorkloadAttestor(Func<int, string?> readCgroup, Func<int, string?, WorkloadPod?>? resolvePod)
{
    /// <summary>Reads <c>/proc/PID/cgroup</c>; null when it cannot (process gone, not Linux).</summary>
    public static string? ReadProcCgroup(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cgroup");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public IReadOnlySet<Selector> Attest(PeerCredentials peer)
    {
        var selectors = new HashSet<Selector>
        {
            Selector.Unix("uid", peer.Uid),
            Selector.Unix("gid", peer.Gid),
            Selector.Unix("pid", peer.Pid),
        };
        var podUid = readCgroup(peer.Pid) is { } cgroup ? CgroupPodUid.Find(cgroup) : null;
        if (podUid is not null) selectors.Add(Selector.K8s("pod-uid", podUid));
        if (resolvePod?.Invoke(peer.Pid, podUid) is { } pod)
        {
            selectors.Add(Selector.K8s("ns", pod.Namespace));
            selectors.Add(Selector.K8s("sa", pod.ServiceAccount));
            if (pod.Uid is { } uid) selectors.Add(Selector.K8s("pod-uid", uid));
        }
        return selectors;
    }
}
