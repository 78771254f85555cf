using k8s.Models;
using Verity.Core.Model;

namespace Verity.Core.Snapshots;

/// <summary>
/// An immutable inventory of one cluster's objects, whether they came from files, a
/// <c>kubectl get -A -o yaml</c> dump or a live API server — engines never know which. Built by
/// <see cref="SnapshotBuilder"/>; indexed by kind and by namespace.
/// </summary>
public sealed class Snapshot
{
    private readonly Dictionary<string, List<KubeObject>> _byKind;
    private readonly Dictionary<string, List<KubeObject>> _byNamespace;
    private readonly Dictionary<ResourceRef, KubeObject> _byRef;
    private readonly Dictionary<ResourceRef, Workload> _workloadOfPod;

    internal Snapshot(
        IReadOnlyList<KubeObject> objects,
        IReadOnlyList<NamespaceInfo> namespaces,
        IReadOnlyList<Workload> workloads,
        IReadOnlyList<TypedObject<V1Pod>> pods,
        IReadOnlyList<TypedObject<V1Service>> services,
        IReadOnlyList<TypedObject<V1ServiceAccount>> serviceAccounts,
        IReadOnlyList<TypedObject<V1NetworkPolicy>> networkPolicies,
        IReadOnlyList<Diagnostic> diagnostics)
    {
        Objects = objects;
        Namespaces = namespaces;
        Workloads = workloads;
        Pods = pods;
        Services = services;
        ServiceAccounts = serviceAccounts;
        NetworkPolicies = networkPolicies;
        Diagnostics = diagnostics;
        _byKind = objects.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _byNamespace = objects.Where(o => o.Namespace is not null)
            .GroupBy(o => o.Namespace!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _byRef = objects.ToDictionary(o => o.Ref);
        _workloadOfPod = workloads.SelectMany(w => w.Pods.Select(p => (p.Object.Ref, w))).ToDictionary(x => x.Ref, x => x.w);
    }

    /// <summary>Every object, in input order (a duplicate replaced by its last definition).</summary>
    public IReadOnlyList<KubeObject> Objects { get; }

    /// <summary>Every namespace, declared or implied, ordered by name.</summary>
    public IReadOnlyList<NamespaceInfo> Namespaces { get; }

    /// <summary>Every workload (top of an owner chain), in input order.</summary>
    public IReadOnlyList<Workload> Workloads { get; }

    public IReadOnlyList<TypedObject<V1Pod>> Pods { get; }
    public IReadOnlyList<TypedObject<V1Service>> Services { get; }
    public IReadOnlyList<TypedObject<V1ServiceAccount>> ServiceAccounts { get; }

    /// <summary>networking.k8s.io NetworkPolicies (readable ones; the others are reported in <see cref="Diagnostics"/>).</summary>
    public IReadOnlyList<TypedObject<V1NetworkPolicy>> NetworkPolicies { get; }

    /// <summary>Problems found while building: duplicates, fields of the wrong type in objects Verity reads.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Objects of a kind, optionally of one API group ("" is the core group).</summary>
    public IReadOnlyList<KubeObject> OfKind(string kind, string? group = null) =>
        _byKind.TryGetValue(kind, out var list) ? group is null ? list : list.Where(o => o.Ref.Group == group).ToList() : [];

    /// <summary>Namespaced objects of one namespace.</summary>
    public IReadOnlyList<KubeObject> InNamespace(string ns) => _byNamespace.TryGetValue(ns, out var list) ? list : [];

    public KubeObject? Find(ResourceRef reference) => _byRef.GetValueOrDefault(reference);

    public NamespaceInfo? Namespace(string name) => Namespaces.FirstOrDefault(n => n.Name == name);

    /// <summary>The workload a pod belongs to (itself, for a bare pod).</summary>
    public Workload? WorkloadOf(KubeObject pod) => _workloadOfPod.GetValueOrDefault(pod.Ref);
}
