using Verity.Admission.Pss;
using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Posture.Pss;

/// <summary>
/// VT-PSS-002: the workload's pods meet the <c>restricted</c> level (latest) — non-root, no privilege escalation, all
/// capabilities dropped, a RuntimeDefault or Localhost seccomp profile, restricted volume types
/// (https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted). Subjects: workloads that
/// meet baseline, in namespaces that do not enforce restricted — a baseline violation is reported by VT-PSS-001 and
/// an enforced level by VT-PSS-003, so each violation is reported once.
/// </summary>
internal sealed class PssRestrictedCheck : PssCheck
{
    public override string Id => "VT-PSS-002";
    public override Severity Severity => Severity.Medium;
    public override string Title => "Workloads meet the Pod Security Standards restricted level";

    protected override bool InScope(PssWorkloadVerdict verdict) =>
        verdict.Baseline.Allowed && verdict.Enforced.Policy.Level != PssLevel.Restricted;

    protected override PssDecision? Failed(PssWorkloadVerdict verdict) => verdict.Restricted.Allowed ? null : verdict.Restricted;

    protected override string Remediation(Workload workload, PssDecision decision) =>
        $"Harden the pod spec of {workload.Kind} \"{workload.Name}\" as each violation says (typically: runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities.drop: [ALL], seccompProfile.type: RuntimeDefault); `verity pss check --level restricted` lists them per container.";
}
