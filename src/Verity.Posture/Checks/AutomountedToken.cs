using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Posture.Checks;

/// <summary>
/// VT-IDN-002: a workload's pods get an API token mounted automatically. Kubernetes decides per pod: the pod
/// spec's <c>automountServiceAccountToken</c> wins when set; otherwise the service account's field; otherwise
/// the token is mounted (https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting).
/// A service account absent from the snapshot (often <c>default</c>, which the API server creates) is taken as
/// not setting the field. Most application pods never call the API server, and a mounted token is
/// what an attacker in the pod uses to reach it.
/// </summary>
internal sealed class AutomountedToken : WorkloadCheck
{
    private const string Field = "automountServiceAccountToken";

    public override string Id => "VT-IDN-002";
    public override Severity Severity => Severity.Medium;
    public override string Title => "Service account tokens are mounted only where the API is used";
    public override IReadOnlyList<string> Controls { get; } = [Posture.Controls.Cis516, Posture.Controls.NsaServiceAccountTokens];

    protected override IEnumerable<Finding> Evaluate(WorkloadIndex index, Workload workload)
    {
        var podSetting = workload.Template.Spec?.AutomountServiceAccountToken;
        var account = index.ServiceAccount(workload.Namespace, workload.ServiceAccountName);
        var accountSetting = account?.Value.AutomountServiceAccountToken;
        if ((podSetting ?? accountSetting ?? true) == false) yield break;

        var sa = $"ServiceAccount \"{workload.ServiceAccountName}\"";
        var (evidence, source) = podSetting is not null
            ? ($"the pod spec sets {Field}: true", workload.Object.LocationOf(PodSpecPath.Of(workload, Field)))
            : accountSetting is not null
                ? ($"the pod spec does not set {Field}; {sa} sets it to true", account!.Object.LocationOf([Field]))
                : ($"neither the pod spec nor {sa}{(account is null ? " (not in the input)" : "")} sets {Field}, and Kubernetes mounts the token by default",
                    workload.Object.LocationOf(PodSpecPath.Of(workload)));
        yield return Fail(workload,
            $"{Describe(workload)} has a Kubernetes API token mounted in its pods; set {Field}: false unless it calls the API",
            $"Set {Field}: false in the pod spec of {Describe(workload)} (or on {sa} for every pod that uses it). If the workload does call the API, keep the token and grant its service account only the verbs it needs.",
            evidence,
            source);
    }
}
