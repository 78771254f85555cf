using k8s.Models;

namespace Verity.Admission.Guardrails;

/// <summary>The pod spec of a Pod or of a workload's pod template, where it sits in the object, and its containers.</summary>
internal sealed record PodSpecSite(V1PodSpec Spec, IReadOnlyList<object> Path, IReadOnlyList<ContainerSite> Containers)
{
    public IReadOnlyList<object> PathTo(params object[] more) => [.. Path, .. more];

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
