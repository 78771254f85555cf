using Verity.Admission.Guardrails.Rules;
using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Posture.Checks;

/// <summary>
/// VT-RES-001: a container has no CPU or no memory limit, so one pod can starve its node's neighbours.
/// <para>
/// Which containers leave which fields unset is the admission guardrail VG-RES-001's decision
/// (<see cref="ResourcesRule"/>: init and app containers, not ephemeral ones; a pod-level <c>spec.resources</c>
/// value counts for every container); this check reads the limits of that answer. On top of the rule it applies
/// what the scan can see and an admission request cannot: a limit defaulted by a LimitRange of the namespace
/// (<c>type: Container</c>, <c>default</c>) counts as set, as the API server fills it in at admission (a live
/// webhook sees the pod after that defaulting). One finding per container, naming the missing resources.
/// </para>
/// </summary>
internal sealed class MissingResourceLimits : WorkloadCheck
{
    public override string Id => "VT-RES-001";
    public override Severity Severity => Severity.Medium;
    public override string Title => "Containers set CPU and memory limits";
    public override IReadOnlyList<string> Controls { get; } = [Posture.Controls.NsaResourcePolicies];

    protected override IEnumerable<Finding> Evaluate(WorkloadIndex index, Workload workload)
    {
        var defaults = index.ContainerLimitDefaults(workload.Namespace);
        foreach (var (site, fields) in ResourcesRule.Violations(WorkloadPodSpec.Of(workload)))
        {
            var missing = fields.Where(f => f.IsLimit && !defaults.ContainsKey(f.Resource)).Select(f => f.Resource).ToList();
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
