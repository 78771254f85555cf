using System.Text.Json.Nodes;

namespace Verity.Bench.Generation;

/// <summary>
/// A deterministic synthetic cluster: the same <see cref="ClusterShape"/> (seed included) always gives the
/// same objects, byte for byte. <see cref="Objects"/> yields them lazily in the order
/// <c>kubectl get namespaces,serviceaccounts,pods,services,deployments,replicasets,networkpolicies,roles,rolebindings,clusterroles,clusterrolebindings -A</c>
/// lists them — grouped by resource, then by namespace and name, as the API server returns lists — so
/// pods come before the ReplicaSets and Deployments that own them. Nothing but the small per-namespace plan
/// is held in memory, so writing a million-object dump streams.
/// <para>
/// The first three namespaces are <c>kube-system</c> (with coredns behind the <c>kube-dns</c> Service),
/// <c>monitoring</c> (prometheus) and <c>ingress-nginx</c>, which the generated NetworkPolicies refer to;
/// the rest are team namespaces (<c>payments-prod</c>, <c>search-staging-2</c>, …).
/// </para>
/// </summary>
public sealed class SyntheticCluster
{
    private readonly MetaFactory _meta;
    private readonly WorkloadObjects _workloadObjects;
    private readonly NetworkObjects _networkObjects;
    private readonly RbacObjects _rbacObjects;
    private readonly ClusterPolicyObjects _clusterPolicyObjects;
    private readonly List<NamespacePlan> _namespaces = [];
    private readonly List<NamespacePlan> _byName;
    private readonly List<WorkloadPlan[]> _workloads = [];
    private readonly List<WorkloadPlan> _allWorkloads = [];

    public SyntheticCluster(ClusterShape shape)
    {
        shape.Validate();
        Shape = shape;
        _meta = new MetaFactory(shape.Seed);
        _workloadObjects = new WorkloadObjects(_meta, shape.Replicas);
        _networkObjects = new NetworkObjects(_meta, shape);
        _rbacObjects = new RbacObjects(_meta);
        _clusterPolicyObjects = new ClusterPolicyObjects(_meta);
        for (var i = 0; i < shape.Namespaces; i++)
        {
            var ns = PlanNamespace(i);
            _namespaces.Add(ns);
            var workloads = new WorkloadPlan[shape.WorkloadsPerNamespace];
            for (var j = 0; j < workloads.Length; j++) workloads[j] = PlanWorkload(ns, j);
            _workloads.Add(workloads);
            _allWorkloads.AddRange(workloads);
        }
        _byName = _namespaces.OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        if (shape.ContainerPorts is { } ports) AddExtraPorts(ports);
    }

    /// <summary>The distinct container ports (number, protocol) the cluster's pods declare.</summary>
    public IReadOnlyList<(int Port, string Protocol)> DistinctContainerPorts() =>
        _allWorkloads.SelectMany(w => PodSpecs.Containers(w)).SelectMany(c => c.Ports).Select(p => (p.Port, p.Protocol))
            .Distinct().OrderBy(p => p.Port).ThenBy(p => p.Protocol, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Tops the catalog's ports up to exactly <paramref name="wanted"/> distinct ones: every third application
    /// workload (not the cache) declares one extra port, the extras taken in turn.
    /// </summary>
    private void AddExtraPorts(int wanted)
    {
        var have = DistinctContainerPorts().Count;
        var extras = wanted - have;
        if (extras < 0 || extras > Catalog.ExtraPorts.Length)
            throw new ArgumentOutOfRangeException(nameof(ClusterShape.ContainerPorts), $"this shape declares {have} distinct container ports; it can have from {have} to {have + Catalog.ExtraPorts.Length}");
        if (extras == 0) return;
        var taken = 0;
        for (var i = 0; i < _allWorkloads.Count; i++)
        {
            var w = _allWorkloads[i];
            if (w.Namespace.IsSystem || w.Name.StartsWith("cache", StringComparison.Ordinal) || w.GlobalIndex % 3 != 2) continue;
            var updated = w with { Ports = [.. w.Ports, Catalog.ExtraPorts[taken++ % extras]] };
            _allWorkloads[i] = updated;
            _workloads[w.Namespace.Index][w.Index] = updated;
        }
        if (DistinctContainerPorts().Count != wanted)
            throw new ArgumentOutOfRangeException(nameof(ClusterShape.ContainerPorts), $"too few application workloads to declare {wanted} distinct container ports");
    }

    /// <summary>A cluster of exactly <paramref name="objects"/> objects (see <see cref="ClusterShape.ForObjectCount"/>).</summary>
    public static SyntheticCluster WithObjectCount(int objects, int? seed = null) => new(ClusterShape.ForObjectCount(objects, seed));

    public ClusterShape Shape { get; }

    public int ObjectCount => Shape.ObjectCount;

    /// <summary>Every object, in kubectl's order. Each call generates fresh, equal objects.</summary>
    public IEnumerable<JsonObject> Objects()
    {
        foreach (var ns in _byName) yield return _meta.Namespace(ns);
        foreach (var obj in Namespaced(ServiceAccounts)) yield return obj;
        foreach (var obj in Namespaced(Pods)) yield return obj;
        foreach (var obj in Namespaced(Services)) yield return obj;
        foreach (var obj in Namespaced(ns => Workloads(ns).Select(w => (w.Name, (Func<JsonObject>)(() => _workloadObjects.Deployment(w)))))) yield return obj;
        foreach (var obj in Namespaced(ns => Workloads(ns).Select(w => (w.ReplicaSetName, (Func<JsonObject>)(() => _workloadObjects.ReplicaSet(w)))))) yield return obj;
        foreach (var obj in Namespaced(ns => Enumerable.Range(0, Shape.NetworkPoliciesPerNamespace).Select(i => _networkObjects.NetworkPolicy(ns, Workloads(ns), i)))) yield return obj;
        foreach (var obj in Namespaced(ns => Enumerable.Range(0, Shape.RolesPerNamespace).Select(i => (RbacObjects.RoleName(i), (Func<JsonObject>)(() => _rbacObjects.Role(ns, i)))))) yield return obj;
        foreach (var obj in Namespaced(ns => Enumerable.Range(0, Shape.RolesPerNamespace).Select(i => _rbacObjects.RoleBinding(ns, Workloads(ns), i)))) yield return obj;
        foreach (var obj in Sorted(Enumerable.Range(0, Shape.ClusterRoles)
                     .Select(i => (RbacObjects.ClusterRoleName(i, _namespaces), (Func<JsonObject>)(() => _rbacObjects.ClusterRole(i, _namespaces))))))
            yield return obj;
        foreach (var obj in Sorted(Enumerable.Range(0, Shape.ClusterRoleBindings)
                     .Select(i => (RbacObjects.ClusterRoleBindingName(i, Shape.ClusterRoles, _namespaces),
                         (Func<JsonObject>)(() => _rbacObjects.ClusterRoleBinding(i, Shape.ClusterRoles, _namespaces, _allWorkloads))))))
            yield return obj;
        foreach (var obj in Sorted(Enumerable.Range(0, Shape.ClusterNetworkPolicies).Select(i => _clusterPolicyObjects.Policy(i))))
            yield return obj;
    }

    /// <summary>Writes the cluster to <paramref name="output"/> (left open).</summary>
    public void Write(Stream output, ManifestFormat format)
    {
        switch (format)
        {
            case ManifestFormat.YamlList: KubectlYaml.WriteList(Objects(), output); break;
            case ManifestFormat.YamlDocuments: KubectlYaml.WriteDocuments(Objects(), output); break;
            case ManifestFormat.JsonList: KubectlJson.WriteList(Objects(), output); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    public byte[] ToBytes(ManifestFormat format)
    {
        using var buffer = new MemoryStream();
        Write(buffer, format);
        return buffer.ToArray();
    }

    private WorkloadPlan[] Workloads(NamespacePlan ns) => _workloads[ns.Index];

    private IEnumerable<(string, Func<JsonObject>)> ServiceAccounts(NamespacePlan ns) =>
        Workloads(ns).Select(w => (w.ServiceAccount, (Func<JsonObject>)(() => _rbacObjects.ServiceAccount(ns, w.ServiceAccount, w))))
            .Prepend(("default", () => _rbacObjects.ServiceAccount(ns, "default", null)));

    private IEnumerable<(string, Func<JsonObject>)> Pods(NamespacePlan ns)
    {
        foreach (var w in Workloads(ns))
        {
            var names = _workloadObjects.PodNames(w);
            for (var r = 0; r < names.Count; r++)
            {
                var replica = r;
                yield return (names[r], () => _workloadObjects.Pod(w, replica, names[replica]));
            }
        }
    }

    private IEnumerable<(string, Func<JsonObject>)> Services(NamespacePlan ns) =>
        Enumerable.Range(0, Shape.ServicesPerNamespace)
            .Select(i => _networkObjects.Service(Workloads(ns), i, ns.Index * Shape.ServicesPerNamespace + i));

    /// <summary>One kind across namespaces: namespaces by name, objects by name within each.</summary>
    private IEnumerable<JsonObject> Namespaced(Func<NamespacePlan, IEnumerable<(string Name, Func<JsonObject> Create)>> kind)
    {
        foreach (var ns in _byName)
        {
            foreach (var obj in Sorted(kind(ns))) yield return obj;
        }
    }

    private static IEnumerable<JsonObject> Sorted(IEnumerable<(string Name, Func<JsonObject> Create)> objects) =>
        objects.OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => o.Create());

    private NamespacePlan PlanNamespace(int index)
    {
        var rng = _meta.Random($"namespace/{index}");
        var created = MetaFactory.ClusterCreated.AddHours(index).AddMinutes(rng.Next(0, 59));
        if (index < Catalog.SystemNamespaces.Length)
            return new NamespacePlan(index, Catalog.SystemNamespaces[index].Name, "platform", "prod", IsSystem: true, created);
        var app = index - Catalog.SystemNamespaces.Length;
        var team = Catalog.Teams[app % Catalog.Teams.Length];
        var environment = Catalog.Environments[app / Catalog.Teams.Length % Catalog.Environments.Length];
        var round = app / (Catalog.Teams.Length * Catalog.Environments.Length);
        var name = round == 0 ? $"{team}-{environment}" : $"{team}-{environment}-{round + 1}";
        return new NamespacePlan(index, name, team, environment, IsSystem: false, created);
    }

    private WorkloadPlan PlanWorkload(NamespacePlan ns, int index)
    {
        var names = ns.IsSystem ? Catalog.SystemNamespaces[ns.Index].Workloads : Catalog.AppWorkloads;
        var baseName = names[index % names.Length];
        var name = index < names.Length ? baseName : $"{baseName}-{index / names.Length + 1}";
        var rng = _meta.Random($"workload/{ns.Name}/{name}");
        var image = Catalog.SystemImage(baseName)
            ?? $"registry.example.com/{ns.Team}/{baseName}:{rng.Next(1, 4)}.{rng.Next(0, 30)}.{rng.Next(0, 12)}";
        return new WorkloadPlan(
            ns,
            index,
            ns.Index * Shape.WorkloadsPerNamespace + index,
            name,
            Catalog.Tier(baseName),
            image,
            Catalog.Ports(baseName, index),
            HasSidecar: !ns.IsSystem && baseName != "cache" && index % 4 == 0,
            TemplateHash: rng.NameSuffix(10),
            Created: ns.Created.AddMinutes(rng.Next(5, 60 * 24 * 30)));
    }
}
