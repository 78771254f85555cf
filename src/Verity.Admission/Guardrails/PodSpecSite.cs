using k8s.Models;

namespace Verity.Admission.Guardrails;

/// <summary>
/// The pod spec of a Pod or of a workload's pod template, where it sits in the object, and its containers (init, app,
/// ephemeral). The input of the shared rules in <c>Rules/</c>: the guardrails build it from the object an admission
/// request carries, <c>verity scan</c> from a workload's typed pod template.
/// </summary>
public sealed record PodSpecSite(V1PodSpec Spec, IReadOnlyList<object> Path, IReadOnlyList<ContainerSite> Containers)
{
    public IReadOnlyList<object> PathTo(params object[] more) => [.. Path, .. more];

    /// <summary>The pod spec <paramref name="spec"/> found at <paramref name="path"/> of its object, with its containers.</summary>
    public static PodSpecSite Of(V1PodSpec spec, IReadOnlyList<object> path) => new(spec, path, ContainerSite.Of(spec, path));

    /// <summary>
    /// Where the pod spec sits, by API group and kind: <c>spec</c> for a Pod, <c>template.spec</c> for a PodTemplate,
    /// <c>spec.jobTemplate.spec.template.spec</c> for a CronJob, <c>spec.template.spec</c> for the other built-in
    /// controllers; null for kinds that hold no pod spec.
    /// </summary>
    public static IReadOnlyList<object>? PathFor(string group, string kind) => (group, kind) switch
    {
        ("", "Pod") => ["spec"],
        ("", "PodTemplate") => ["template", "spec"],
        ("", "ReplicationController") => ["spec", "template", "spec"],
        ("apps" or "extensions", "Deployment" or "ReplicaSet" or "DaemonSet") => ["spec", "template", "spec"],
        ("apps", "StatefulSet") => ["spec", "template", "spec"],
        ("batch", "Job") => ["spec", "template", "spec"],
        ("batch", "CronJob") => ["spec", "jobTemplate", "spec", "template", "spec"],
        _ => null,
    };
}
