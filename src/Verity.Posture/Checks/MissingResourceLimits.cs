using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Posture.Checks;

/// <summary>
/// VT-RES-001: a container has no CPU or no memory limit, so one pod can starve its node's neighbours.
/// <para>
/// Init containers are included: they run on the same node, and Kubernetes takes "no limit" on any init
/// container as the highest limit for the pod's effective init limit
/// (https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#resource-sharing-within-containers);
/// sidecars (init containers with <c>restartPolicy: Always</c>) run for the pod's whole life.
/// A limit defaulted by a LimitRange of the namespace (<c>type: Container</c>, <c>default</c>) counts as set,
/// as the API server fills it in at admission. One finding per container, naming the missing resources.
/// </para>
/// </summary>
internal sealed class MissingResourceLimits : WorkloadCheck
{
    private static readonly string[] Resources = ["cpu", "memory"];

    public override string Id => "VT-RES-001";
    public override Severity Severity => Severity.Medium;
    public override string Title => "Containers set CPU and memory limits";
    public override IReadOnlyList<string> Controls { get; } = [Posture.Controls.NsaResourcePolicies];

    protected override IEnumerable<Finding> Evaluate(WorkloadIndex index, Workload workload)
    {
        var defaults = index.ContainerLimitDefaults(workload.Namespace);
        foreach (var site in ContainerSite.Of(workload))
        {
            var limits = site.Container.Resources?.Limits;
            var missing = Resources.Where(r => (limits is null || !limits.ContainsKey(r)) && !defaults.ContainsKey(r)).ToList();
            if (missing.Count == 0) continue;
            var what = string.Join(" or ", missing);
            var example = string.Join(", ", missing.Select(r => r == "cpu" ? "cpu: 500m" : "memory: 256Mi"));
            yield return Fail(workload,
                $"{site.Describe()} has no {what} limit, so it can starve its node; set resources.limits",
                $"Set resources.limits ({example}) on {site.Describe()}, sized from its observed peak usage, or add a LimitRange with default limits to namespace \"{workload.Namespace}\".",
                $"{site.Describe()}: resources.limits.{string.Join(", resources.limits.", missing)} not set",
                workload.Object.LocationOf(site.PathTo("resources", "limits")));
        }
    }
}
