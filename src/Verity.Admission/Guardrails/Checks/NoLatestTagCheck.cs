using Verity.Admission.Guardrails.Rules;

namespace Verity.Admission.Guardrails.Checks;

/// <summary>
/// VG-IMG-002: an image is <c>:latest</c> or has no tag (which means <c>latest</c>) and no digest, or does not parse.
/// The decision is <see cref="ImageTagRule"/>, shared with the scan's VT-IMG-001; this class only words it.
/// </summary>
internal sealed class NoLatestTagCheck : IGuardrailCheck
{
    public GuardrailPolicy Policy { get; } = new()
    {
        Id = GuardrailIds.NoLatestTag,
        Title = "Images name a fixed version, not :latest or no tag",
        AppliesTo = "Pods and pod templates (init, app and ephemeral containers)",
        Controls = [GuardrailControls.Cis551, GuardrailControls.NsaContainerImages],
    };

    public IEnumerable<CheckFinding> Check(GuardrailSubject subject, PolicySettings settings)
    {
        foreach (var ((site, image, reference, error), kind) in ImageTagRule.Violations(subject.Pod))
        {
            if (reference is null)
            {
                yield return new CheckFinding(
                    $"{site.Describe()} has an invalid image reference \"{image}\": {error}; write it as [registry[:port]/]repository[:tag][@sha256:digest]",
                    site.PathTo("image"));
                continue;
            }
            var problem = kind == ImageTagProblem.NoTag ? "has no tag (so :latest)" : "uses :latest";
            yield return new CheckFinding(
                $"{site.Describe()} image \"{image}\" {problem}, so what runs changes with every push; set a release tag ({reference.EffectiveRegistry}/{reference.Repository}:<version>) or a digest (@sha256:<digest>)",
                site.PathTo("image"));
        }
    }
}
