namespace Verity.Admission.Guardrails.Checks;

/// <summary>
/// VG-NET-001: a Service of <c>type: NodePort</c> or <c>LoadBalancer</c> opens a port on every node or an external
/// address; only namespaces listed in <c>allowedNamespaces</c> (the ingress tier) may create them
/// (https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types).
/// <c>ClusterIP</c>, headless and <c>ExternalName</c> Services pass.
/// </summary>
internal sealed class ExposedServicesCheck : IGuardrailCheck
{
    public GuardrailPolicy Policy { get; } = new()
    {
        Id = GuardrailIds.ExposedServices,
        Title = "No NodePort or LoadBalancer Services outside allowed namespaces",
        AppliesTo = "Services",
        Controls = [GuardrailControls.NsaNetworkSeparation],
        Parameters = ["allowedNamespaces"],
    };

    public IEnumerable<CheckFinding> Check(GuardrailSubject subject, PolicySettings settings)
    {
        var type = subject.Service?.Spec?.Type;
        if (type is not ("NodePort" or "LoadBalancer")) yield break;
        var ns = subject.Object.Namespace ?? "";
        if (settings.AllowedNamespaces.Contains(ns, StringComparer.Ordinal)) yield break;
        var allowed = settings.AllowedNamespaces.Count == 0 ? "no namespace is allowed to" : $"only {string.Join(", ", settings.AllowedNamespaces)} may";
        yield return new CheckFinding(
            $"Service \"{subject.Object.Name}\" is of type {type} in namespace \"{ns}\", but {allowed} expose Services outside the cluster; use type: ClusterIP behind the ingress tier",
            ["spec", "type"]);
    }
}
