using k8s.Models;
using Verity.Core.Model;

namespace Verity.Core.Snapshots;

/// <summary>
/// Builds a <see cref="Snapshot"/> from loaded objects: applies namespace defaulting (namespaced objects
/// without a namespace go to <see cref="SnapshotOptions.DefaultNamespace"/>, cluster-scoped ones lose any
/// namespace written on them, as the API server ignores it), reports duplicates (the last definition wins,
/// as with <c>kubectl apply</c>), materialises the typed views engines read, and resolves owner chains.
/// </summary>
public static class SnapshotBuilder
{
    private const string CoreGroup = "";

    public static Snapshot Build(IEnumerable<KubeObject> loaded, SnapshotOptions? options = null)
    {
        options ??= new SnapshotOptions();
        var input = loaded as IReadOnlyList<KubeObject> ?? loaded.ToList();
        var diagnostics = new List<Diagnostic>();
        var scopes = new ApiScopes(input);
        var objects = Deduplicate(input.Select(o => WithEffectiveNamespace(o, scopes, options)), diagnostics);

        var pods = Typed<V1Pod>(objects, CoreGroup, "Pod", diagnostics);
        var services = Typed<V1Service>(objects, CoreGroup, "Service", diagnostics);
        var serviceAccounts = Typed<V1ServiceAccount>(objects, CoreGroup, "ServiceAccount", diagnostics);
        var networkPolicies = Typed<V1NetworkPolicy>(objects, "networking.k8s.io", "NetworkPolicy", diagnostics);
        var workloads = WorkloadResolver.Resolve(objects, pods, diagnostics);
        var namespaces = Namespaces(objects);
        return new Snapshot(objects, namespaces, workloads, pods, services, serviceAccounts, networkPolicies, diagnostics);
    }

    private static KubeObject WithEffectiveNamespace(KubeObject obj, ApiScopes scopes, SnapshotOptions options)
    {
        var cluster = scopes.IsClusterScoped(obj.Ref.Group, obj.Kind);
        var ns = cluster ? null : obj.Namespace ?? options.DefaultNamespace;
        return ns == obj.Namespace ? obj : obj with { Ref = obj.Ref with { Namespace = ns } };
    }

    private static List<KubeObject> Deduplicate(IEnumerable<KubeObject> objects, List<Diagnostic> diagnostics)
    {
        var result = new List<KubeObject>();
        var index = new Dictionary<ResourceRef, int>();
        foreach (var obj in objects)
        {
            if (index.TryGetValue(obj.Ref, out var at))
            {
                diagnostics.Add(new Diagnostic(DiagnosticLevel.Warning, DiagnosticCodes.Duplicate,
                    $"duplicate {obj.Ref.Display}: this definition replaces the one at {result[at].Source}", obj.Source));
                result[at] = obj;
            }
            else
            {
                index[obj.Ref] = result.Count;
                result.Add(obj);
            }
        }
        return result;
    }

    internal static List<TypedObject<T>> Typed<T>(IEnumerable<KubeObject> objects, string group, string kind, List<Diagnostic> diagnostics)
        where T : class
    {
        var result = new List<TypedObject<T>>();
        foreach (var obj in objects.Where(o => o.Kind == kind && o.Ref.Group == group))
        {
            if (TypedViews.TryRead<T>(obj, diagnostics) is { } value) result.Add(new TypedObject<T>(obj, value));
        }
        return result;
    }

    private static List<NamespaceInfo> Namespaces(IReadOnlyList<KubeObject> objects)
    {
        var declared = objects.Where(o => o.Kind == "Namespace" && o.Ref.Group == CoreGroup).GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.Last());
        var names = declared.Keys.Concat(objects.Select(o => o.Namespace).OfType<string>()).Distinct().Order(StringComparer.Ordinal);
        return names.Select(name =>
        {
            var obj = declared.GetValueOrDefault(name);
            var labels = new Dictionary<string, string>(obj?.Labels ?? KubeObject.EmptyLabels, StringComparer.Ordinal)
            {
                [NamespaceInfo.NameLabel] = name,
            };
            return new NamespaceInfo(name, labels, obj);
        }).ToList();
    }

}
