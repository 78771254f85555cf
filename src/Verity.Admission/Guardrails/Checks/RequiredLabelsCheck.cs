namespace Verity.Admission.Guardrails.Checks;

/// <summary>
/// VG-META-001: the object carries every label key in <c>labels</c> (default <c>app.kubernetes.io/name</c>, a
/// Kubernetes recommended label: https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/),
/// with any value, empty included. Read from the object's own <c>metadata.labels</c> — for a workload that is the
/// controller's labels, not its pod template's. Applies to Pods, workloads and Services; Namespaces are left to their
/// own guardrail. An organisational rule: no benchmark control maps to it.
/// </summary>
internal sealed class RequiredLabelsCheck : IGuardrailCheck
{
    public GuardrailPolicy Policy { get; } = new()
    {
        Id = GuardrailIds.RequiredLabels,
        Title = "Objects carry the required labels",
        AppliesTo = "Pods, workloads and Services",
        Controls = [],
        Parameters = ["labels"],
    };

    public IEnumerable<CheckFinding> Check(GuardrailSubject subject, PolicySettings settings)
    {
        if (!subject.HoldsPods && !subject.IsService) yield break;
        var missing = settings.Labels.Where(key => !subject.Object.Labels.ContainsKey(key)).ToList();
        if (missing.Count == 0) yield break;
        var list = string.Join(", ", missing.Select(k => $"\"{k}\""));
        yield return new CheckFinding(
            $"{subject.Object.Kind} \"{subject.Object.Name}\" lacks the required label{(missing.Count > 1 ? "s" : "")} {list}; add {(missing.Count > 1 ? "them" : "it")} to metadata.labels",
            subject.Object.Raw.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("labels", out _)
                ? ["metadata", "labels"] : ["metadata"]);
    }
}
