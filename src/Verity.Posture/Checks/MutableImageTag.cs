using Verity.Admission.Images;
using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Posture.Checks;

/// <summary>
/// VT-IMG-001: a container image is <c>:latest</c> or has no tag (which means <c>latest</c>) and no digest,
/// so what runs changes whenever someone pushes, differs between nodes that pulled at different times,
/// and cannot be rolled back. A digest pins the image whatever the tag says, so <c>app:latest@sha256:…</c>
/// passes. A reference that does not parse is reported here too (the runtime would refuse to pull it).
/// A container without an image (allowed in templates that a tool fills in later) is skipped.
/// </summary>
internal sealed class MutableImageTag : WorkloadCheck
{
    public override string Id => "VT-IMG-001";
    public override Severity Severity => Severity.Medium;
    public override string Title => "Images name a fixed version, not :latest or no tag";
    public override IReadOnlyList<string> Controls { get; } = [Posture.Controls.Cis551, Posture.Controls.NsaContainerImages];

    protected override IEnumerable<Finding> Evaluate(WorkloadIndex index, Workload workload)
    {
        foreach (var site in ContainerSite.Of(workload))
        {
            var image = site.Container.Image;
            if (string.IsNullOrEmpty(image)) continue;
            var source = workload.Object.LocationOf(site.PathTo("image"));
            if (!ImageReference.TryParse(image, out var reference, out var error))
            {
                yield return Fail(workload,
                    $"{site.Describe()} has an invalid image reference \"{image}\": {error}",
                    "Write the image as [registry[:port]/]repository[:tag][@sha256:digest], e.g. registry.example.com/shop/web:1.4.2.",
                    $"{site.Describe()}: image \"{image}\"",
                    source);
                continue;
            }
            if (reference.IsDigestPinned || reference.Tag is { } tag && tag != "latest") continue;
            var problem = reference.Tag is null ? "has no tag (so :latest)" : "uses :latest";
            yield return Fail(workload,
                $"{site.Describe()} image \"{image}\" {problem}, so what runs changes with every push; pin a version or digest",
                $"Set the image to a release tag or, better, a digest: {reference.EffectiveRegistry}/{reference.Repository}:<version> or …@sha256:<digest>.",
                $"{site.Describe()}: image \"{image}\"",
                source);
        }
    }
}
