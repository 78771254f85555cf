using Verity.Core.Snapshots;

namespace Verity.Network.Flows;

/// <summary>
/// Whether a pod name is one a workload's controller generates, so a flow naming a pod the snapshot does not hold
/// (manifests list Deployments, not their pods) still finds its workload:
/// Deployment <c>NAME-HASH-XXXXX</c> (ReplicaSet <c>NAME-HASH</c>, then a random 5-character suffix), ReplicaSet,
/// DaemonSet, Job and ReplicationController <c>NAME-XXXXX</c>, StatefulSet <c>NAME-ORDINAL</c>, CronJob
/// <c>NAME-SCHEDULEDTIME-XXXXX</c> (the Job is named after the scheduled time in minutes). Generated suffixes are
/// lower-case letters and digits (apimachinery's <c>rand.String</c> alphabet is a subset). A heuristic by nature:
/// the mapper uses it last, and only when a single workload of the namespace matches.
/// </summary>
internal static class PodNames
{
    public static bool Generated(Workload workload, string pod)
    {
        if (pod.Length <= workload.Name.Length + 1 || !pod.StartsWith(workload.Name, StringComparison.Ordinal) || pod[workload.Name.Length] != '-')
            return false;
        var parts = pod[(workload.Name.Length + 1)..].Split('-');
        return workload.Kind switch
        {
            "Deployment" => parts.Length == 2 && IsToken(parts[0]) && IsSuffix(parts[1]),
            "ReplicaSet" or "DaemonSet" or "Job" or "ReplicationController" => parts.Length == 1 && IsSuffix(parts[0]),
            "StatefulSet" => parts.Length == 1 && parts[0].Length > 0 && parts[0].All(char.IsAsciiDigit),
            "CronJob" => parts.Length == 2 && parts[0].Length > 0 && parts[0].All(char.IsAsciiDigit) && IsSuffix(parts[1]),
            _ => false,
        };
    }

    private static bool IsSuffix(string text) => text.Length == 5 && IsToken(text);

    private static bool IsToken(string text) => text.Length > 0 && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));
}
