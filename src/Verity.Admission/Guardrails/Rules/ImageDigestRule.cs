namespace Verity.Admission.Guardrails.Rules;

/// <summary>
/// The rule behind <c>VG-IMG-003</c> and the scan's <c>VT-IMG-002</c>: an image must be pinned by digest
/// (<c>@sha256:…</c>). A tag can be moved to other bytes by anyone who can push to the repository; a digest cannot.
/// References that do not parse are left to <see cref="ImageTagRule"/>, so one bad reference is reported once.
/// Init, app and ephemeral containers are judged.
/// </summary>
public static class ImageDigestRule
{
    /// <summary>Every container of <paramref name="pod"/> whose image parses and has no digest, in container order.</summary>
    public static IEnumerable<ContainerImage> Violations(PodSpecSite? pod) =>
        ContainerImage.Of(pod).Where(i => i.Reference is { IsDigestPinned: false });
}
