using Verity.Admission.Guardrails.Rules;
using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Posture.Checks;

/// <summary>
/// VT-IMG-002: a container image is not pinned by digest. A tag can be moved to other bytes by anyone who
/// can push to the repository; a digest (<c>@sha256:…</c>) cannot. Lower severity than VT-IMG-001: a
/// version tag is usually stable in practice. The decision is the admission guardrail VG-IMG-003's
/// (<see cref="ImageDigestRule"/>): references that do not parse are left to VT-IMG-001, containers without an
/// image are skipped.
/// </summary>
internal sealed class ImageWithoutDigest : WorkloadCheck
{
    public override string Id => "VT-IMG-002";
    public override Severity Severity => Severity.Low;
    public override string Title => "Images are pinned by digest";
    public override IReadOnlyList<string> Controls { get; } = [Posture.Controls.Cis551, Posture.Controls.NsaContainerImages];

    protected override IEnumerable<Finding> Evaluate(WorkloadIndex index, Workload workload)
    {
        foreach (var (site, image, _, _) in ImageDigestRule.Violations(WorkloadPodSpec.Of(workload)))
        {
            yield return Fail(workload,
                $"{site.Describe()} image \"{image}\" is not pinned by digest; append @sha256:<digest>",
                $"Resolve the tag to its digest (e.g. crane digest {image}) and write the image as {image}@sha256:<digest>; let a bot such as Renovate update it.",
                $"{site.Describe()}: image \"{image}\"",
                workload.Object.LocationOf(site.PathTo("image")));
        }
    }
}
