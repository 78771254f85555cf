using k8s.Models;
using Verity.Core.Model;

namespace Verity.Core.Snapshots;

/// <summary>
/// Something that runs pods: a Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob,
/// ReplicationController, or a bare Pod. <see cref="Object"/> is the top of its owner chain as far as the
/// snapshot holds it — a Deployment with its ReplicaSets and Pods in a dump is one workload — with
/// <see cref="Template"/> its pod template (a bare Pod's own metadata and spec), <see cref="Controlled"/>
/// the intermediate controllers below it (ReplicaSets of a Deployment, Jobs of a CronJob), and
/// <see cref="Pods"/> the pods it owns in the snapshot.
/// </summary>
public sealed record Workload(
    KubeObject Object,
    V1PodTemplateSpec Template,
    IReadOnlyList<KubeObject> Controlled,
    IReadOnlyList<TypedObject<V1Pod>> Pods)
{
    public ResourceRef Ref => Object.Ref;
    public string Kind => Object.Kind;
    public string Namespace => Object.Namespace ?? "";
    public string Name => Object.Name;

    /// <summary>The service account the pods run as; "default" when the template names none (API server defaulting).</summary>
    /// <remarks>The deprecated <c>serviceAccount</c> field is read as an alias, as the API server does.</remarks>
    public string ServiceAccountName =>
        !string.IsNullOrEmpty(Template.Spec?.ServiceAccountName) ? Template.Spec!.ServiceAccountName
        : !string.IsNullOrEmpty(Template.Spec?.ServiceAccount) ? Template.Spec!.ServiceAccount
        : "default";
}
