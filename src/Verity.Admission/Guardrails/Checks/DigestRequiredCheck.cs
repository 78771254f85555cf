namespace Verity.Admission.Guardrails.Checks;

/// <summary>
/// VG-IMG-003 (opt-in, disabled by default): every image is pinned by digest (<c>@sha256:…</c>). A tag can be moved to
/// other bytes by anyone who can push; a digest cannot. References that do not parse are left to VG-IMG-002. Same
/// semantics as the scan's VT-IMG-002.
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
        foreach (var (site, image, reference, _) in Images.Of(subject))
        {
            if (reference is null || reference.IsDigestPinned) continue;
            yield return new CheckFinding(
                $"{site.Describe()} image \"{image}\" is not pinned by digest; resolve the tag (e.g. crane digest {image}) and write the image as {image}@sha256:<digest>",
                site.PathTo("image"));
        }
    }
}
