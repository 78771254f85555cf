using Verity.Admission.Pss;
using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Posture.Pss;

/// <summary>
/// VT-PSS-001: the workload's pods meet the Pod Security Standards <c>baseline</c> level (latest version) — no
/// privileged containers, host namespaces, host paths or ports, added capabilities beyond the default set, unsafe
/// sysctls, … (https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline). Subjects: workloads
/// of namespaces that enforce no level; where one is enforced, VT-PSS-003 reports against it instead, so a
/// violation is reported once.
/// </summary>
internal sealed class PssBaselineCheck : PssCheck
{
    public override string Id => "VT-PSS-001";
    public override Severity Severity => Severity.High;
    public override string Title => "Workloads meet the Pod Security Standards baseline level";

    protected override bool InScope(PssWorkloadVerdict verdict) => verdict.Enforced.Policy.Level == PssLevel.Privileged;

    protected override PssDecision? Failed(PssWorkloadVerdict verdict) => verdict.Baseline.Allowed ? null : verdict.Baseline;

    protected override string Remediation(Workload workload, PssDecision decision) =>
        $"Change the pod spec of {workload.Kind} \"{workload.Name}\" as each violation says; `verity pss check --level baseline` lists them per container.";
}
