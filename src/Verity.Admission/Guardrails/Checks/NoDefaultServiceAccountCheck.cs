using Verity.Admission.Guardrails.Rules;

namespace Verity.Admission.Guardrails.Checks;

/// <summary>
/// VG-IDN-001: the pods do not run as their namespace's <c>default</c> service account — named, or implied by naming
/// none. The decision is <see cref="ServiceAccountRule"/>, shared with the scan's VT-IDN-001; this class only words it.
/// </summary>
internal sealed class NoDefaultServiceAccountCheck : IGuardrailCheck
{
    public GuardrailPolicy Policy { get; } = new()
    {
        Id = GuardrailIds.NoDefaultServiceAccount,
        Title = "Pods run as a dedicated service account, not \"default\"",
        AppliesTo = "Pods and pod templates",
        Controls = [GuardrailControls.Cis515],
    };

    public IEnumerable<CheckFinding> Check(GuardrailSubject subject, PolicySettings settings)
    {
        if (subject.Pod is not { } pod) yield break;
        var choice = ServiceAccountRule.Of(pod.Spec);
        if (!choice.IsDefault) yield break;
        var field = choice.Field;
        var why = field is null ? "sets no serviceAccountName, so it runs as \"default\"" : $"sets {field}: default";
        yield return new CheckFinding(
            $"the pod spec {why}, an identity every such pod shares; create a ServiceAccount for this workload (e.g. \"{subject.Object.Name}\") and set serviceAccountName to it",
            field is null ? pod.Path : pod.PathTo(field));
    }
}
