using Verity.Admission.Guardrails.Rules;

namespace Verity.Admission.Guardrails.Checks;

/// <summary>
/// VG-RES-001: every init and app container sets CPU and memory requests and limits (in its own <c>resources</c> or
/// the pod's <c>spec.resources</c>). Requests let the scheduler place the pod; limits stop one pod starving its node.
/// The decision is <see cref="ResourcesRule"/>, shared with the scan's VT-RES-001 (which reads its limits); this class
/// only words it. One violation per container, naming every missing field.
/// </summary>
internal sealed class ResourcesCheck : IGuardrailCheck
{
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["resources.requests.cpu"] = "100m", ["resources.requests.memory"] = "128Mi",
        ["resources.limits.cpu"] = "500m", ["resources.limits.memory"] = "256Mi",
    };

    public GuardrailPolicy Policy { get; } = new()
    {
        Id = GuardrailIds.Resources,
        Title = "Containers set CPU and memory requests and limits",
        AppliesTo = "Pods and pod templates (init and app containers)",
        Controls = [GuardrailControls.NsaResourcePolicies],
    };

    public IEnumerable<CheckFinding> Check(GuardrailSubject subject, PolicySettings settings)
    {
        foreach (var (site, missing) in ResourcesRule.Violations(subject.Pod))
        {
            var names = string.Join(", ", missing.Select(f => f.FieldPath));
            var example = string.Join(", ", missing.Select(f => $"{f.Kind}.{f.Resource}: {Examples[f.FieldPath]}"));
            var path = site.Resources is null ? site.Path
                : missing.All(f => f.IsLimit) ? site.PathTo("resources", "limits")
                : missing.All(f => !f.IsLimit) ? site.PathTo("resources", "requests")
                : site.PathTo("resources");
            yield return new CheckFinding(
                $"{site.Describe()} does not set {names}; set them from its observed usage (e.g. {example})",
                path);
        }
    }
}
