namespace Verity.Admission.Guardrails.Checks;

/// <summary>
/// VG-NS-001: a Namespace carries <c>pod-security.kubernetes.io/enforce</c> with a valid level (<c>privileged</c>,
/// <c>baseline</c> or <c>restricted</c>), so Pod Security Admission enforces a standard there
/// (https://kubernetes.io/docs/concepts/security/pod-security-admission/). Without it the cluster default applies,
/// which is <c>privileged</c> unless an AdmissionConfiguration says otherwise. Which level is enough is for a
/// namespaceSelector or PSS checks to decide, not this guardrail.
/// </summary>
internal sealed class PodSecurityLabelCheck : IGuardrailCheck
{
    public const string Label = "pod-security.kubernetes.io/enforce";

    public GuardrailPolicy Policy { get; } = new()
    {
        Id = GuardrailIds.PodSecurityLabel,
        Title = "Namespaces carry a Pod Security enforce label",
        AppliesTo = "Namespaces",
        Controls = [GuardrailControls.Cis521, GuardrailControls.NsaPodSecurity],
    };

    public IEnumerable<CheckFinding> Check(GuardrailSubject subject, PolicySettings settings)
    {
        if (!subject.IsNamespace) yield break;
        var name = subject.Object.Name;
        if (!subject.Object.Labels.TryGetValue(Label, out var level))
        {
            yield return new CheckFinding(
                $"Namespace \"{name}\" has no {Label} label, so Pod Security Admission enforces only the cluster default; add {Label}: restricted (or baseline)",
                subject.Object.Raw.TryGetProperty("metadata", out var m) && m.TryGetProperty("labels", out _) ? ["metadata", "labels"] : ["metadata"]);
        }
        else if (level is not ("privileged" or "baseline" or "restricted"))
        {
            yield return new CheckFinding(
                $"Namespace \"{name}\" sets {Label}: \"{level}\", which is not a level (privileged, baseline, restricted); set it to restricted (or baseline)",
                ["metadata", "labels", Label]);
        }
    }
}
