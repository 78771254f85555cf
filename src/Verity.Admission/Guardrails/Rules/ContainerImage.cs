using Verity.Admission.Images;

namespace Verity.Admission.Guardrails.Rules;

/// <summary>
/// A container that names an image, with the image parsed by <see cref="ImageReference"/> (the one parser) or the
/// reason it does not parse. Init, app and ephemeral containers are listed, in <see cref="PodSpecSite.Containers"/>
/// order; a container without an image is not (it is left to the API server, which rejects it for Pods, or to the
/// tool that fills a template in).
/// </summary>
public sealed record ContainerImage(ContainerSite Site, string Image, ImageReference? Reference, string? Error)
{
    public static IEnumerable<ContainerImage> Of(PodSpecSite? pod)
    {
        foreach (var site in pod?.Containers ?? [])
        {
            if (string.IsNullOrEmpty(site.Image)) continue;
            var ok = ImageReference.TryParse(site.Image, out var reference, out var error);
            yield return new ContainerImage(site, site.Image, ok ? reference : null, ok ? null : error);
        }
    }
}
