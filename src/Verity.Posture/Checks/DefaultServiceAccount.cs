using Verity.Admission.Guardrails.Rules;
using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Posture.Checks;

/// <summary>
/// VT-IDN-001: a workload runs as its namespace's <c>default</c> service account — either naming it or
/// naming none (the API server then fills in <c>default</c>). Every such workload shares one identity, so
/// any permission granted to one is granted to all, and the identity says nothing about who is calling.
/// The decision is the admission guardrail VG-IDN-001's (<see cref="ServiceAccountRule"/>).
/// </summary>
internal sealed class DefaultServiceAccount : WorkloadCheck
{
    public override string Id => "VT-IDN-001";
    public override Severity Severity => Severity.Medium;
    public override string Title => "Workloads run as a dedicated service account, not \"default\"";
    public override IReadOnlyList<string> Controls { get; } = [Posture.Controls.Cis515];

    protected override IEnumerable<Finding> Evaluate(WorkloadIndex index, Workload workload)
    {
        var pod = WorkloadPodSpec.Of(workload);
        var choice = ServiceAccountRule.Of(pod.Spec);
        if (!choice.IsDefault) yield break;
        var evidence = choice.Field is null
            ? "the pod spec sets no serviceAccountName, so the API server uses \"default\""
            : $"the pod spec sets {choice.Field}: default";
        yield return Fail(workload,
            $"{Describe(workload)} runs as the shared \"default\" service account; give it a ServiceAccount of its own",
            $"Create a ServiceAccount named after the workload (e.g. \"{workload.Name}\") in namespace \"{workload.Namespace}\" and set serviceAccountName: {workload.Name} in the pod spec.",
            evidence,
            workload.Object.LocationOf(choice.Field is null ? pod.Path : pod.PathTo(choice.Field)));
    }
}
