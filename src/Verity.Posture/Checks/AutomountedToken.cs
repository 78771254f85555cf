using Verity.Admission.Guardrails.Rules;
using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Posture.Checks;

/// <summary>
/// VT-IDN-002: a workload's pods get an API token mounted automatically. Kubernetes decides per pod: the pod
/// spec's <c>automountServiceAccountToken</c> wins when set; otherwise the service account's field; otherwise
/// the token is mounted (https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting).
/// <para>
/// The pod-level question is the admission guardrail VG-IDN-002's (<see cref="TokenAutomountRule"/>). An admission
/// request carries one object, so the guardrail fails a pod spec that leaves the answer to its ServiceAccount; the
/// scan sees the ServiceAccount and, as a thin layer on top of the shared rule, lets its field decide that case. A
/// service account absent from the snapshot (often <c>default</c>, which the API server creates) is taken as not
/// setting the field. So VT-IDN-002 flags a subset of what VG-IDN-002 flags: the same pods, less those whose
/// ServiceAccount opts out.
/// </para>
/// Most application pods never call the API server, and a mounted token is what an attacker in the pod uses to reach it.
/// </summary>
internal sealed class AutomountedToken : WorkloadCheck
{
    private const string Field = TokenAutomountRule.Field;

    public override string Id => "VT-IDN-002";
    public override Severity Severity => Severity.Medium;
    public override string Title => "Service account tokens are mounted only where the API is used";
    public override IReadOnlyList<string> Controls { get; } = [Posture.Controls.Cis516, Posture.Controls.NsaServiceAccountTokens];

    protected override IEnumerable<Finding> Evaluate(WorkloadIndex index, Workload workload)
    {
        var pod = WorkloadPodSpec.Of(workload);
        var decision = TokenAutomountRule.Of(pod.Spec);
        if (decision == TokenAutomount.OptedOut) yield break;

        var name = ServiceAccountRule.Of(pod.Spec).Name;
        var sa = $"ServiceAccount \"{name}\"";
        string evidence;
        SourceLocation? source;
        if (decision == TokenAutomount.MountedBySpec)
        {
            evidence = $"the pod spec sets {Field}: true";
            source = workload.Object.LocationOf(pod.PathTo(Field));
        }
        else
        {
            // The scan-only layer: the ServiceAccount decides what the pod spec leaves open.
            var account = index.ServiceAccount(workload.Namespace, name);
            var accountSetting = account?.Value.AutomountServiceAccountToken;
            if (accountSetting == false) yield break;
            (evidence, source) = accountSetting is not null
                ? ($"the pod spec does not set {Field}; {sa} sets it to true", account!.Object.LocationOf([Field]))
                : ($"neither the pod spec nor {sa}{(account is null ? " (not in the input)" : "")} sets {Field}, and Kubernetes mounts the token by default",
                    workload.Object.LocationOf(pod.Path));
        }
        yield return Fail(workload,
            $"{Describe(workload)} has a Kubernetes API token mounted in its pods; set {Field}: false unless it calls the API",
            $"Set {Field}: false in the pod spec of {Describe(workload)} (or on {sa} for every pod that uses it). If the workload does call the API, keep the token and grant its service account only the verbs it needs.",
            evidence,
            source);
    }
}
