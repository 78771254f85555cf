namespace Verity.Admission.Guardrails.Checks;

/// <summary>
/// VG-RES-001: every init and app container sets CPU and memory requests and limits. Requests let the scheduler place
/// the pod; limits stop one pod starving its node. Ephemeral containers are skipped: the API forbids them resources
/// (https://kubernetes.io/docs/concepts/workloads/pods/ephemeral-containers/). Limits: an admission request sees one
/// object, so a value a LimitRange would default in is not seen (the LimitRanger plugin runs in the mutating phase,
/// before validating webhooks, so a live webhook does see it; an offline check does not). One violation per container,
/// naming every missing field.
/// </summary>
internal sealed class ResourcesCheck : IGuardrailCheck
{
    private static readonly (string Kind, string Resource, string Example)[] Fields =
    [
        ("requests", "cpu", "100m"), ("requests", "memory", "128Mi"), ("limits", "cpu", "500m"), ("limits", "memory", "256Mi"),
    ];

    public GuardrailPolicy Policy { get; } = new()
    {
        Id = GuardrailIds.Resources,
        Title = "Containers set CPU and memory requests and limits",
        AppliesTo = "Pods and pod templates (init and app containers)",
        Controls = [GuardrailControls.NsaResourcePolicies],
    };

    public IEnumerable<CheckFinding> Check(GuardrailSubject subject, PolicySettings settings)
    {
        foreach (var site in subject.Pod?.Containers ?? [])
        {
            if (site.IsEphemeral) continue;
            var missing = Fields.Where(f =>
            {
                var map = f.Kind == "requests" ? site.Resources?.Requests : site.Resources?.Limits;
                return map is null || !map.ContainsKey(f.Resource);
            }).ToList();
            if (missing.Count == 0) continue;
            var names = string.Join(", ", missing.Select(f => $"resources.{f.Kind}.{f.Resource}"));
            var example = string.Join(", ", missing.Select(f => $"{f.Kind}.{f.Resource}: {f.Example}"));
            var path = site.Resources is null ? site.Path
                : missing.All(f => f.Kind == "limits") ? site.PathTo("resources", "limits")
                : missing.All(f => f.Kind == "requests") ? site.PathTo("resources", "requests")
                : site.PathTo("resources");
            yield return new CheckFinding(
                $"{site.Describe()} does not set {names}; set them from its observed usage (e.g. {example})",
                path);
        }
    }
}
