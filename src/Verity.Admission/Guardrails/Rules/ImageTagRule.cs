namespace Verity.Admission.Guardrails.Rules;

/// <summary>
/// The rule behind <c>VG-IMG-002</c> and the scan's <c>VT-IMG-001</c>: an image must name a fixed version. An image
/// that is <c>:latest</c> or has no tag (which means <c>latest</c>) and no digest changes whenever someone pushes; a
/// digest pins the bytes whatever the tag says, so <c>app:latest@sha256:…</c> passes. A reference that does not parse
/// fails (the runtime would refuse to pull it). Every container that names an image is judged: init, app and
/// ephemeral (an ephemeral container runs its image in the pod like any other).
/// </summary>
public static class ImageTagRule
{
    /// <summary>Why <paramref name="image"/> does not name a fixed version, or null when it does.</summary>
    public static ImageTagProblem? Judge(ContainerImage image) => image.Reference switch
    {
        null => ImageTagProblem.InvalidReference,
        { IsDigestPinned: true } => null,
        { Tag: null } => ImageTagProblem.NoTag,
        { Tag: "latest" } => ImageTagProblem.LatestTag,
        _ => null,
    };

    /// <summary>Every container of <paramref name="pod"/> that fails the rule, in container order.</summary>
    public static IEnumerable<ImageTagViolation> Violations(PodSpecSite? pod)
    {
        foreach (var image in ContainerImage.Of(pod))
            if (Judge(image) is { } problem) yield return new ImageTagViolation(image, problem);
    }
}
