using System.Text.Json;
using Verity.Core.Snapshots;

namespace Verity.Rbac.Paths;

/// <summary>
/// The pod names a workload's pods have or will have, to match rules limited by resourceNames (e.g.
/// <c>pods/exec</c> on <c>ledger-db-0</c>): the pods in the snapshot, a bare Pod's own name, and for a
/// StatefulSet its stable names <c>NAME-0 … NAME-(replicas-1)</c> (replicas defaults to 1). Other
/// controllers' pod names are random, so only an unrestricted rule reaches pods the snapshot does not hold.
/// </summary>
internal static class PodNames
{
    public static IReadOnlyList<string> Of(Workload workload)
    {
        var names = workload.Pods.Select(p => p.Object.Name).ToList();
        if (workload.Kind == "Pod") names.Add(workload.Name);
        if (workload.Kind == "StatefulSet")
        {
            var replicas = 1;
            if (workload.Object.Raw.TryGetProperty("spec", out var spec) && spec.ValueKind == JsonValueKind.Object
                && spec.TryGetProperty("replicas", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out var n))
                replicas = Math.Clamp(n, 0, 1000);
            for (var i = 0; i < replicas; i++) names.Add($"{workload.Name}-{i}");
        }
        return names.Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
