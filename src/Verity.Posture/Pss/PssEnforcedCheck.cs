using Verity.Admission.Pss;
using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Posture.Pss;

/// <summary>
/// VT-PSS-003: the workload would be admitted in its namespace: its pods meet the level the namespace enforces
/// (<c>pod-security.kubernetes.io/enforce</c> and <c>enforce-version</c>, read as Pod Security Admission reads them —
/// an invalid level means restricted). A Deployment whose template fails is accepted with a warning, but every pod it
/// creates is rejected, so the rollout never becomes ready. Subjects: workloads of namespaces that enforce baseline
/// or restricted.
/// </summary>
internal sealed class PssEnforcedCheck : PssCheck
{
    public override string Id => "VT-PSS-003";
    public override Severity Severity => Severity.High;
    public override string Title => "Workloads are admitted by the Pod Security level their namespace enforces";

    protected override bool InScope(PssWorkloadVerdict verdict) => verdict.Enforced.Policy.Level != PssLevel.Privileged;

    protected override PssDecision? Failed(PssWorkloadVerdict verdict) => verdict.Enforced.Allowed ? null : verdict.Enforced;

    protected override string Remediation(Workload workload, PssDecision decision) =>
        $"Fix the pod spec of {workload.Kind} \"{workload.Name}\" as each violation says before deploying: namespace \"{workload.Namespace}\" enforces {decision.Policy}, so its pods would be rejected.";
}
