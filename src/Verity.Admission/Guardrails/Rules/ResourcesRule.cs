using k8s.Models;

namespace Verity.Admission.Guardrails.Rules;

/// <summary>
/// The rule behind <c>VG-RES-001</c> (requests and limits) and the scan's <c>VT-RES-001</c> (the limits of the same
/// answer): which CPU and memory requests and limits each init and app container leaves unset.
/// <list type="bullet">
/// <item>Init containers count: Kubernetes takes an init container without a limit as the highest limit of the pod's
/// effective init limit (https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#resource-sharing-within-containers),
/// and sidecars (init containers with <c>restartPolicy: Always</c>) run for the pod's whole life.</item>
/// <item>Ephemeral containers are exempt: the API forbids them resources
/// (https://kubernetes.io/docs/concepts/workloads/pods/ephemeral-containers/).</item>
/// <item>Pod-level resources (<c>spec.resources</c>, KEP-2837, beta and on by default since Kubernetes 1.34) set a
/// budget for the whole pod: a field the pod spec sets there is set for every container, since a container without
/// its own value is bounded by, and scheduled within, the pod's
/// (https://kubernetes.io/docs/tasks/configure-pod-container/assign-pod-level-resources/). On a cluster with the
/// PodLevelResources gate off the API server drops <c>spec.resources</c>, so such a pod is judged too leniently there.</item>
/// <item>Only the object is seen. A LimitRange default is not: the LimitRanger admission plugin fills it into a Pod
/// during the mutating phase, before validating webhooks run, so a live webhook sees it in a Pod while an offline run
/// does not (a workload's template is never defaulted; its pods are, when they are created). <c>verity scan</c>
/// applies a namespace's LimitRange defaults itself, on top of this rule.</item>
/// </list>
/// </summary>
public static class ResourcesRule
{
    /// <summary>The fields every container should set, in the order they are reported.</summary>
    public static IReadOnlyList<ResourceField> Fields { get; } =
    [
        new(ResourceField.Requests, "cpu"), new(ResourceField.Requests, "memory"),
        new(ResourceField.Limits, "cpu"), new(ResourceField.Limits, "memory"),
    ];

    /// <summary>Every init and app container of <paramref name="pod"/> that leaves a field unset, in container order.</summary>
    public static IEnumerable<MissingResources> Violations(PodSpecSite? pod)
    {
        if (pod is null) yield break;
        var podLevel = pod.Spec.Resources;
        foreach (var site in pod.Containers)
        {
            if (site.IsEphemeral) continue;
            var missing = Fields.Where(f => !Sets(site.Resources, f) && !Sets(podLevel, f)).ToList();
            if (missing.Count > 0) yield return new MissingResources(site, missing);
        }
    }

    private static bool Sets(V1ResourceRequirements? resources, ResourceField field) =>
        (field.IsLimit ? resources?.Limits : resources?.Requests) is { } map && map.ContainsKey(field.Resource);
}
