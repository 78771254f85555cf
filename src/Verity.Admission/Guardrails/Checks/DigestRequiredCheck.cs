using Verity.Admission.Guardrails.Rules;

namespace Verity.Admission.Guardrails.Checks;

/// <summary>
/// VG-IMG-003 (opt-in, disabled by default): every image is pinned by digest (<c>@sha256:…</c>). The decision is
/// <see cref="ImageDigestRule"/>, shared with the scan's VT-IMG-002; this class only words it.
/// </summary>
internal sealed class DigestRequiredCheck : IGuardrailCheck
{
    public GuardrailPolicy Policy { get; } = new()
    {
        Id = GuardrailIds.DigestRequired,
        Title = "Images are pinned by digest",
        AppliesTo = "Pods and pod templates (init, app and ephemeral containers)",
        Controls = [GuardrailControls.Cis551, GuardrailControls.NsaContainerImages],
        DefaultAction = GuardrailAction.Disabled,
    };

    public IEnumerable<CheckFinding> Check(GuardrailSubject subject, PolicySettings settings)
    {
        foreach (var (site, image, _, _) in ImageDigestRule.Violations(subject.Pod))
        {
            yield return new CheckFinding(
                $"{site.Describe()} image \"{image}\" is not pinned by digest; resolve the tag (e.g. crane digest {image}) and write the image as {image}@sha256:<digest>",
                site.PathTo("image"));
        }
    }
}
