using k8s.Models;
using Verity.Admission.Guardrails;
using Verity.Core.Snapshots;

namespace Verity.Posture.Checks;

/// <summary>
/// A workload's pod template as the shared workload rules (<c>Verity.Admission.Guardrails.Rules</c>) read it: the
/// pod spec with its field path in the object (<see cref="PodSpecSite.PathFor"/>, the guardrails' own table), so a
/// finding points at the same field as the matching guardrail violation.
/// </summary>
internal static class WorkloadPodSpec
{
    /// <summary><c>spec</c> for a Pod, <c>spec.jobTemplate.spec.template.spec</c> for a CronJob, else <c>spec.template.spec</c>.</summary>
    public static IReadOnlyList<object> PathOf(Workload workload) =>
        PodSpecSite.PathFor(workload.Ref.Group, workload.Kind) ?? ["spec", "template", "spec"];

    /// <summary>
    /// The workload's pod spec and its containers. A template without a spec reads as an empty one (no containers, no
    /// service account), as the scan has always judged it.
    /// </summary>
    public static PodSpecSite Of(Workload workload) => PodSpecSite.Of(workload.Template.Spec ?? new V1PodSpec(), PathOf(workload));
}
