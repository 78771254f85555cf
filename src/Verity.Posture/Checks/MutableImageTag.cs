using Verity.Admission.Guardrails.Rules;
using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Posture.Checks;

/// <summary>
/// VT-IMG-001: a container image does not name a fixed version — <c>:latest</c>, no tag (which means
/// <c>latest</c>) and no digest, or a reference that does not parse — so what runs changes whenever someone
/// pushes, differs between nodes that pulled at different times, and cannot be rolled back. The decision is
/// the admission guardrail VG-IMG-002's (<see cref="ImageTagRule"/>: one rule for scan, CI and webhook); this
/// check words it as a scan finding. Init, app and (in a bare Pod) ephemeral containers are judged; a container
/// without an image is skipped.
/// </summary>
internal sealed class MutableImageTag : WorkloadCheck
{
    public override string Id => "VT-IMG-001";
    public override Severity Severity => Severity.Medium;
    public override string Title => "Images name a fixed version, not :latest or no tag";
    public override IReadOnlyList<string> Controls { get; } = [Posture.Controls.Cis551, Posture.Controls.NsaContainerImages];

    protected override IEnumerable<Finding> Evaluate(WorkloadIndex index, Workload workload)
    {
        foreach (var ((site, image, reference, error), problem) in ImageTagRule.Violations(WorkloadPodSpec.Of(workload)))
        {
            var source = workload.Object.LocationOf(site.PathTo("image"));
            var evidence = $"{site.Describe()}: image \"{image}\"";
            if (reference is null)
            {
                yield return Fail(workload,
                    $"{site.Describe()} has an invalid image reference \"{image}\": {error}",
                    "Write the image as [registry[:port]/]repository[:tag][@sha256:digest], e.g. registry.example.com/shop/web:1.4.2.",
                    evidence,
                    source);
                continue;
            }
            var what = problem == ImageTagProblem.NoTag ? "has no tag (so :latest)" : "uses :latest";
            yield return Fail(workload,
                $"{site.Describe()} image \"{image}\" {what}, so what runs changes with every push; pin a version or digest",
                $"Set the image to a release tag or, better, a digest: {reference.EffectiveRegistry}/{reference.Repository}:<version> or …@sha256:<digest>.",
                evidence,
                source);
        }
    }
}
