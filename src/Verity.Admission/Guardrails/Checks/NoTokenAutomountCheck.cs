using Verity.Admission.Guardrails.Rules;

namespace Verity.Admission.Guardrails.Checks;

/// <summary>
/// VG-IDN-002: the pod spec sets <c>automountServiceAccountToken: false</c>. <see cref="TokenAutomountRule"/> decides
/// what the pod spec says, shared with the scan's VT-IDN-002. An admission request carries one object, so the service
/// account's setting is not seen: a pod spec that leaves the question to its ServiceAccount fails here (stricter than
/// VT-IDN-002, which reads the ServiceAccount on top of the same rule). A pod that does call the API server needs an
/// exception.
/// </summary>
internal sealed class NoTokenAutomountCheck : IGuardrailCheck
{
    private const string Field = TokenAutomountRule.Field;

    public GuardrailPolicy Policy { get; } = new()
    {
        Id = GuardrailIds.NoTokenAutomount,
        Title = "Pods opt out of service account token automounting",
        AppliesTo = "Pods and pod templates",
        Controls = [GuardrailControls.Cis516, GuardrailControls.NsaServiceAccountTokens],
    };

    public IEnumerable<CheckFinding> Check(GuardrailSubject subject, PolicySettings settings)
    {
        if (subject.Pod is not { } pod) yield break;
        var decision = TokenAutomountRule.Of(pod.Spec);
        if (decision == TokenAutomount.OptedOut) yield break;
        var unset = decision == TokenAutomount.LeftToServiceAccount;
        var why = unset ? $"does not set {Field}, so Kubernetes mounts an API token" : $"sets {Field}: true";
        yield return new CheckFinding(
            $"the pod spec {why}; set {Field}: false unless the pod calls the Kubernetes API",
            unset ? pod.Path : pod.PathTo(Field));
    }
}
