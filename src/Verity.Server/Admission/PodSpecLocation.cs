namespace Verity.Server.Admission;

/// <summary>
/// Where a kind keeps the pod it runs: the object itself for a Pod, <c>spec.template</c> for Deployment, StatefulSet,
/// DaemonSet, ReplicaSet, Job and ReplicationController, <c>spec.jobTemplate.spec.template</c> for CronJob — the kinds
/// Pod Security Admission judges (upstream <c>admission.go</c>, <c>DefaultPodSpecExtractor</c>).
/// </summary>
internal sealed record PodSpecLocation(bool IsPod, IReadOnlyList<string> TemplatePath)
{
    private static readonly PodSpecLocation Pod = new(true, []);
    private static readonly PodSpecLocation Template = new(false, ["spec", "template"]);
    private static readonly PodSpecLocation CronJobTemplate = new(false, ["spec", "jobTemplate", "spec", "template"]);

    /// <summary>The path of the pod spec object: <c>spec</c> for a Pod, the template path + <c>spec</c> otherwise.</summary>
    public IReadOnlyList<string> SpecPath => IsPod ? ["spec"] : [.. TemplatePath, "spec"];

    /// <summary>The location for a kind, or null for a kind that runs no pod (any version of the group is accepted).</summary>
    public static PodSpecLocation? For(GroupVersionKind kind) => (kind.Group, kind.Kind) switch
    {
        ("", "Pod") => Pod,
        ("", "ReplicationController") => Template,
        ("apps", "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet") => Template,
        ("batch", "Job") => Template,
        ("batch", "CronJob") => CronJobTemplate,
        _ => null,
    };
}
