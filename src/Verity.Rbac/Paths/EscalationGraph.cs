using Verity.Core.Snapshots;
using Verity.Rbac.Authorization;
using Verity.Rbac.Model;
using Verity.Rbac.Risks;

namespace Verity.Rbac.Paths;

/// <summary>
/// Who can become whom (docs/rbac.md, "Escalation paths"). Nodes are workloads, identities and goals;
/// edges come from the risk findings:
/// <list type="bullet">
/// <item>a workload runs as its service account (<see cref="EscalationEdge.RunsAs"/>);</item>
/// <item>create-workload, namespace-admin and issue-token-secret reach every service account of their scope;
/// bind-roles and escalate-roles in a namespace too (the identity can grant itself admin there);</item>
/// <item>pod-exec, pod-exec-websocket-get, modify-pods and ephemeral-containers reach the service accounts of
/// the workloads whose pods the authorizer lets them touch (names from <see cref="PodNames"/>);</item>
/// <item>token-request and impersonate reach the service accounts (and for impersonate, users and groups)
/// the authorizer lets them mint tokens for or impersonate;</item>
/// <item>cluster-admin, impersonating group system:masters, bind-roles or escalate-roles cluster-wide,
/// control-webhooks, nodes-proxy and approve-csr for the kube-apiserver-client signer reach
/// <see cref="EscalationNode.ClusterAdminEquivalent"/>; cluster-admin and read-secrets cluster-wide reach
/// <see cref="EscalationNode.ReadAllSecrets"/>.</item>
/// </list>
/// Edges to every account of a namespace are stored once per grant and expanded on demand, so a
/// cluster-wide grant costs one entry, not one edge per account. Built in a fixed order, so paths are
/// deterministic. Not modelled: reading a namespace's secrets to get legacy token Secrets, node-level
/// escapes from privileged pods, CSR signers other than the API server client signer.
/// </summary>
public sealed class EscalationGraph
{
    private readonly Dictionary<EscalationNode, List<EscalationEdge>> _out = [];
    private readonly Dictionary<EscalationNode, List<Reach>> _reach = [];
    private readonly IReadOnlyList<string> _namespaces;
    private readonly Dictionary<string, List<EscalationNode>> _accounts;
    private readonly Dictionary<string, List<EscalationNode>> _workloadAccounts;

    private EscalationGraph(IReadOnlyList<EscalationNode> nodes, IReadOnlyList<Subject> accounts, IReadOnlyList<Workload> workloads)
    {
        Nodes = nodes;
        foreach (var node in nodes)
        {
            _out[node] = [];
            _reach[node] = [];
        }
        _accounts = accounts.GroupBy(a => a.Namespace!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(EscalationNode.For).ToList(), StringComparer.Ordinal);
        _workloadAccounts = workloads.GroupBy(w => w.Namespace, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => g.Select(w => EscalationNode.For(Subject.ServiceAccount(w.Namespace, w.ServiceAccountName))).Distinct()
                .OrderBy(n => n.Name, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        _namespaces = _accounts.Keys.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Workloads, service accounts, users, groups, then the two goals; each group sorted.</summary>
    public IReadOnlyList<EscalationNode> Nodes { get; }

    /// <summary>Every edge out of <paramref name="node"/>, namespace-wide grants expanded (in graph order).</summary>
    public IReadOnlyList<EscalationEdge> OutOf(EscalationNode node)
    {
        var edges = new List<EscalationEdge>(_out.GetValueOrDefault(node) ?? []);
        var seen = edges.Select(e => (e.To, e.Risk, e.Scope)).ToHashSet();
        foreach (var reach in _reach.GetValueOrDefault(node) ?? [])
        {
            foreach (var ns in NamespacesOf(reach))
            {
                foreach (var target in Targets(reach, ns))
                {
                    if (target != node && seen.Add((target, reach.Risk, reach.Scope)))
                        edges.Add(new EscalationEdge(node, target, reach.Risk, reach.Scope, reach.Evidence));
                }
            }
        }
        return edges;
    }

    internal IReadOnlyList<EscalationEdge> ExplicitOutOf(EscalationNode node) => _out.TryGetValue(node, out var list) ? list : [];

    internal IReadOnlyList<Reach> ReachOutOf(EscalationNode node) => _reach.TryGetValue(node, out var list) ? list : [];

    internal IEnumerable<string> NamespacesOf(Reach reach) => reach.Namespace is { } ns ? [ns] : _namespaces;

    internal IReadOnlyList<EscalationNode> Targets(Reach reach, string ns) =>
        (reach.WorkloadAccountsOnly ? _workloadAccounts : _accounts).GetValueOrDefault(ns) ?? [];

    /// <summary>The graph of a snapshot, from <paramref name="findings"/> (<see cref="RiskAnalyzer.Analyze"/> on
    /// the authorizer's model). Service accounts that workloads use but no binding or ServiceAccount object
    /// names are analysed here too (they still hold what their groups are granted).</summary>
    public static EscalationGraph Build(Snapshot snapshot, Authorizer authorizer, IReadOnlyList<RiskFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(authorizer);
        ArgumentNullException.ThrowIfNull(findings);
        var model = authorizer.Model;
        var workloads = snapshot.Workloads.OrderBy(w => w.Namespace, StringComparer.Ordinal).ThenBy(w => w.Kind, StringComparer.Ordinal)
            .ThenBy(w => w.Name, StringComparer.Ordinal).ToList();
        var accounts = model.ServiceAccounts.Concat(model.Subjects.Where(s => s.Kind == SubjectKind.ServiceAccount))
            .Concat(workloads.Select(w => Subject.ServiceAccount(w.Namespace, w.ServiceAccountName))).Distinct()
            .OrderBy(s => s.Namespace, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        var bySubject = findings.GroupBy(f => f.Subject).ToDictionary(g => g.Key, g => (IReadOnlyList<RiskFinding>)g.ToList());
        var known = model.Subjects.ToHashSet();
        var unknown = accounts.Where(a => !known.Contains(a)).ToList();
        foreach (var group in RiskAnalyzer.AnalyzeSubjects(model, unknown).GroupBy(f => f.Subject)) bySubject[group.Key] = group.ToList();
        var identities = accounts.Concat(model.Subjects.Where(s => s.Kind != SubjectKind.ServiceAccount)).ToList();

        var nodes = new List<EscalationNode>();
        nodes.AddRange(workloads.Select(WorkloadNode));
        nodes.AddRange(identities.Select(EscalationNode.For));
        nodes.Add(EscalationNode.ClusterAdminEquivalent);
        nodes.Add(EscalationNode.ReadAllSecrets);
        var graph = new EscalationGraph(nodes.Distinct().ToList(), accounts, workloads);
        var seen = new HashSet<(EscalationNode, EscalationNode, string, string?)>();
        void Edge(EscalationEdge edge)
        {
            if (edge.From != edge.To && seen.Add((edge.From, edge.To, edge.Risk, edge.Scope))) graph._out[edge.From].Add(edge);
        }
        foreach (var w in workloads)
            Edge(new EscalationEdge(WorkloadNode(w), EscalationNode.For(Subject.ServiceAccount(w.Namespace, w.ServiceAccountName)), EscalationEdge.RunsAs, null, []));
        var builder = new EdgeBuilder(authorizer, workloads, accounts, model.Subjects);
        foreach (var subject in identities)
        {
            if (!bySubject.TryGetValue(subject, out var list)) continue;
            var from = EscalationNode.For(subject);
            foreach (var finding in list) builder.Add(subject, finding, Edge, graph._reach[from].Add);
        }
        return graph;
    }

    public static EscalationNode WorkloadNode(Workload workload) => new(EscalationNodeKind.Workload, $"{workload.Kind}/{workload.Name}", workload.Namespace);
}
