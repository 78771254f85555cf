namespace Verity.Admission.Guardrails.Checks;

/// <summary>
/// VG-IDN-002: the pod spec sets <c>automountServiceAccountToken: false</c>. Kubernetes mounts the token unless the pod
/// spec or its service account opts out, the pod spec winning when set
/// (https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting).
/// An admission request carries one object, so the service account's setting is not seen: this guardrail requires the
/// opt-out in the pod spec itself (stricter than the scan's VT-IDN-002, which also reads the ServiceAccount). A pod that
/// does call the API server needs an exception.
/// </summary>
internal sealed class NoTokenAutomountCheck : IGuardrailCheck
{
    private const string Field = "automountServiceAccountToken";

    public GuardrailPolicy Policy { get; } = new()
    {
        Id = GuardrailIds.NoTokenAutomount,
        Title = "Pods opt out of service account token automounting",
        AppliesTo = "Pods and pod templates",
        Controls = [GuardrailControls.Cis516, GuardrailControls.NsaServiceAccountTokens],
    };

    public IEnumerable<CheckFinding> Check(GuardrailSubject subject, PolicySettings settings)
    {
        if (subject.Pod is not { } pod || pod.Spec.AutomountServiceAccountToken == false) yield break;
        var why = pod.Spec.AutomountServiceAccountToken is null ? $"does not set {Field}, so Kubernetes mounts an API token" : $"sets {Field}: true";
        yield return new CheckFinding(
            $"the pod spec {why}; set {Field}: false unless the pod calls the Kubernetes API",
            pod.Spec.AutomountServiceAccountToken is null ? pod.Path : pod.PathTo(Field));
    }
}
