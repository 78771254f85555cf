using Verity.Admission.Images;

namespace Verity.Admission.Guardrails.Checks;

/// <summary>The containers of a subject that name an image, with the image parsed (or the parse error).</summary>
internal static class Images
{
    public static IEnumerable<(ContainerSite Site, string Image, ImageReference? Reference, string? Error)> Of(GuardrailSubject subject)
    {
        foreach (var site in subject.Pod?.Containers ?? [])
        {
            // A container without an image is left to the API server, which rejects it for Pods.
            if (string.IsNullOrEmpty(site.Image)) continue;
            var ok = ImageReference.TryParse(site.Image, out var reference, out var error);
            yield return (site, site.Image, ok ? reference : null, error);
        }
    }
}
