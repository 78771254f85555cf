using k8s.Models;
using Verity.Core.Model;

namespace Verity.Core.Snapshots;

/// <summary>
/// Groups pods and their controllers into workloads by following <c>metadata.ownerReferences</c> with
/// <c>controller: true</c> (Pod → ReplicaSet → Deployment, Pod → Job → CronJob, …). An owner is matched by
/// namespace, kind and name, and by uid when both sides carry one (dumps do, manifests don't). The top of
/// each chain present in the snapshot is the workload; an object whose owner is absent is its own top.
/// </summary>
internal static class WorkloadResolver
{
    private const int MaxChain = 16;

    public static List<Workload> Resolve(IReadOnlyList<KubeObject> objects, IReadOnlyList<TypedObject<V1Pod>> pods, List<Diagnostic> diagnostics)
    {
        var templates = new Dictionary<ResourceRef, V1PodTemplateSpec>();
        foreach (var obj in objects)
        {
            if (Template(obj, diagnostics) is { } template) templates[obj.Ref] = template;
        }
        foreach (var pod in pods)
        {
            templates[pod.Object.Ref] = new V1PodTemplateSpec { Metadata = pod.Value.Metadata, Spec = pod.Value.Spec };
        }
        var controllers = objects.Where(o => templates.ContainsKey(o.Ref)).ToList();
        var byName = controllers.GroupBy(o => (o.Namespace, o.Kind, o.Name)).ToDictionary(g => g.Key, g => g.ToList());

        // Group every controller and pod under its top in one pass: linear in the number of objects.
        var podsByRef = pods.ToDictionary(p => p.Object.Ref);
        var members = new Dictionary<ResourceRef, List<KubeObject>>();
        var order = new List<KubeObject>();
        foreach (var obj in controllers)
        {
            var top = Top(obj, byName);
            if (!members.TryGetValue(top.Ref, out var list))
            {
                members[top.Ref] = list = [];
                order.Add(top);
            }
            if (!top.Ref.Equals(obj.Ref)) list.Add(obj);
        }
        var position = new Dictionary<ResourceRef, int>();
        for (var i = 0; i < controllers.Count; i++) position[controllers[i].Ref] = i;
        return order.OrderBy(t => position[t.Ref]).Select(top =>
        {
            var below = members[top.Ref];
            return new Workload(
                top,
                templates[top.Ref],
                below.Where(m => !podsByRef.ContainsKey(m.Ref)).ToList(),
                podsByRef.TryGetValue(top.Ref, out var self) ? [self] : below.Where(m => podsByRef.ContainsKey(m.Ref)).Select(m => podsByRef[m.Ref]).ToList());
        }).ToList();
    }

    private static KubeObject Top(KubeObject obj, Dictionary<(string?, string, string), List<KubeObject>> byName)
    {
        var current = obj;
        for (var hops = 0; hops < MaxChain && Parent(current, byName) is { } parent && !parent.Ref.Equals(obj.Ref); hops++)
            current = parent;
        return current;
    }

    private static KubeObject? Parent(KubeObject obj, Dictionary<(string?, string, string), List<KubeObject>> byName)
    {
        if (obj.ControllerOwner is not { } owner || !byName.TryGetValue((obj.Namespace, owner.Kind, owner.Name), out var candidates))
            return null;
        return candidates.FirstOrDefault(c => owner.Uid is null || c.Uid is null || owner.Uid == c.Uid);
    }

    /// <summary>The pod template of a controller kind; null for other kinds (or when unreadable, with a diagnostic).</summary>
    private static V1PodTemplateSpec? Template(KubeObject obj, List<Diagnostic> diagnostics) => (obj.Ref.Group, obj.Kind) switch
    {
        ("apps" or "extensions", "Deployment") => Read<V1Deployment>(obj, d => d.Spec?.Template, "spec.template", diagnostics),
        ("apps" or "extensions", "ReplicaSet") => Read<V1ReplicaSet>(obj, r => r.Spec?.Template, "spec.template", diagnostics),
        ("apps" or "extensions", "DaemonSet") => Read<V1DaemonSet>(obj, d => d.Spec?.Template, "spec.template", diagnostics),
        ("apps", "StatefulSet") => Read<V1StatefulSet>(obj, s => s.Spec?.Template, "spec.template", diagnostics),
        ("batch", "Job") => Read<V1Job>(obj, j => j.Spec?.Template, "spec.template", diagnostics),
        ("batch", "CronJob") => Read<V1CronJob>(obj, c => c.Spec?.JobTemplate?.Spec?.Template, "spec.jobTemplate.spec.template", diagnostics),
        ("", "ReplicationController") => Read<V1ReplicationController>(obj, r => r.Spec?.Template, "spec.template", diagnostics),
        _ => null,
    };

    private static V1PodTemplateSpec? Read<T>(KubeObject obj, Func<T, V1PodTemplateSpec?> template, string path, List<Diagnostic> diagnostics)
        where T : class
    {
        if (TypedViews.TryRead<T>(obj, diagnostics) is not { } typed) return null;
        if (template(typed) is { } found) return found;
        diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, DiagnosticCodes.MissingField,
            $"{obj.Kind} \"{obj.Name}\": missing required field \"{path}\"", obj.LocationOf(path.Split('.')), path));
        return null;
    }
}
