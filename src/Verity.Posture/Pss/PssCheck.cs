using Verity.Admission.Pss;
using Verity.Core.Model;
using Verity.Core.Snapshots;
using Verity.Posture.Checks;

namespace Verity.Posture.Pss;

/// <summary>
/// The shape of the VT-PSS checks: subjects are workloads (a Deployment with its pods is one subject, as in the other
/// workload checks); a finding carries Pod Security Admission's own message for the decision that failed, and points
/// at the pod spec.
/// </summary>
internal abstract class PssCheck : IPostureCheck
{
    public abstract string Id { get; }
    public abstract Severity Severity { get; }
    public abstract string Title { get; }
    public IReadOnlyList<string> Controls { get; } = [Posture.Controls.Cis52, Posture.Controls.NsaPodSecurity];

    /// <summary>The verdicts this check looks at (default: every workload).</summary>
    protected virtual bool InScope(PssWorkloadVerdict verdict) => true;

    /// <summary>The failed decision to report for <paramref name="verdict"/>, or null when it passes.</summary>
    protected abstract PssDecision? Failed(PssWorkloadVerdict verdict);

    protected abstract string Remediation(Workload workload, PssDecision decision);

    public IEnumerable<ResourceRef> Subjects(Snapshot snapshot) =>
        PssPosture.For(snapshot).Workloads.Where(InScope).Select(v => v.Workload.Ref);

    public IEnumerable<Finding> Evaluate(Snapshot snapshot)
    {
        foreach (var verdict in PssPosture.For(snapshot).Workloads.Where(InScope))
        {
            if (Failed(verdict) is not { } decision) continue;
            var workload = verdict.Workload;
            yield return new Finding(
                Id, Severity, workload.Ref,
                $"{workload.Kind} \"{workload.Name}\" {decision.Message}",
                Remediation(workload, decision),
                string.Join("; ", decision.Violations.Select(v => v.Check)),
                Controls,
                workload.Object.LocationOf(WorkloadPodSpec.PathOf(workload)));
        }
    }
}
