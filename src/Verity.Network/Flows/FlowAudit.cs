using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Network.Evaluation;
using Verity.Network.Model;
using Verity.Network.Policies;

namespace Verity.Network.Flows;

/// <summary>
/// Audits observed connections (from <see cref="FlowMapper.Aggregate"/>) against a snapshot's policies: each one
/// between evaluable peers (a workload or an external address, with a port and protocol) is allowed or denied, and by
/// which tier and policy; and for every namespace with an evaluated workload, what enforcing a namespace-wide
/// default-deny would break. The default-deny is simulated exactly: a NetworkPolicy selecting every pod of the
/// namespace (<c>podSelector: {}</c>, <c>policyTypes: [Ingress, Egress]</c>, no rules —
/// https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies) is added to the
/// snapshot and the engine asked again. Cluster (Admin) policies still decide before it, as in a real cluster.
/// Host and unmapped peers are listed, never evaluated, except DNS: a flow to port 53 of kube-dns that the snapshot
/// does not hold (manifests rarely include kube-system) is evaluated against <see cref="ClusterDns"/>, as lint and
/// generate do. Pure: the caller supplies snapshot, model and connections.
/// </summary>
public static class FlowAudit
{
    /// <summary>The name of the simulated default-deny policy.</summary>
    public const string DefaultDenyName = "verity-audit-default-deny";

    public static FlowAuditReport Audit(Snapshot snapshot, NetworkModel model, IReadOnlyList<ObservedConnection> connections)
    {
        var evaluable = new List<(ObservedConnection Connection, Endpoint To, ConnectionVerdict Verdict)>();
        var unevaluated = new List<UnevaluatedConnection>();
        var dns = ClusterDns.In(model.Endpoints);
        foreach (var connection in connections)
        {
            var toDns = connection.IsDns && connection.To.Kind != FlowPeerKind.Workload;
            if (Unevaluable(connection, toDns) is { } reason) unevaluated.Add(new UnevaluatedConnection(connection, reason));
            else
            {
                var to = toDns ? dns : connection.To.Endpoint!;
                evaluable.Add((connection, to, ReachabilityEvaluator.Evaluate(model, connection.From.Endpoint!, to, connection.Port!.Value, connection.Protocol!.Value)));
            }
        }

        var namespaces = evaluable
            .SelectMany(e => new[] { e.Connection.From, e.Connection.To })
            .Where(p => p.Kind == FlowPeerKind.Workload && p.Namespace is not null)
            .Select(p => p.Namespace!).Distinct().Order(StringComparer.Ordinal).ToList();
        var broken = evaluable.Select(_ => new SortedSet<string>(StringComparer.Ordinal)).ToList();
        var summaries = new List<NamespaceAudit>();
        foreach (var ns in namespaces)
        {
            var denied = WithDefaultDeny(model, ns);
            var observed = 0;
            var deniedNow = 0;
            var breaks = 0;
            for (var i = 0; i < evaluable.Count; i++)
            {
                var (connection, to, verdict) = evaluable[i];
                if (!Touches(connection, ns)) continue;
                observed++;
                if (!verdict.Allowed)
                {
                    deniedNow++;
                    continue;
                }
                var after = ReachabilityEvaluator.Evaluate(denied, connection.From.Endpoint!, to, connection.Port!.Value, connection.Protocol!.Value);
                if (after.Allowed) continue;
                breaks++;
                broken[i].Add(ns);
            }
            summaries.Add(new NamespaceAudit(ns, observed, deniedNow, breaks));
        }

        var audited = evaluable.Select((e, i) =>
        {
            var (direction, decision) = Deciding(e.Verdict);
            return new AuditedConnection(e.Connection, e.Verdict.Allowed, direction, decision.DecidedBy, PolicyOf(decision), [.. broken[i]]);
        }).ToList();
        return new FlowAuditReport(audited, summaries, unevaluated);
    }

    private static bool Touches(ObservedConnection connection, string ns) =>
        connection.From.Kind == FlowPeerKind.Workload && connection.From.Namespace == ns
        || connection.To.Kind == FlowPeerKind.Workload && connection.To.Namespace == ns;

    private static string? Unevaluable(ObservedConnection connection, bool toDns)
    {
        foreach (var peer in toDns ? [connection.From] : new[] { connection.From, connection.To })
        {
            if (peer.Kind == FlowPeerKind.Host) return $"{peer.Id} is node/host traffic: NetworkPolicy does not apply to it";
            if (peer.Kind == FlowPeerKind.Unmapped) return $"{peer.Id} is not in the snapshot (no pod, workload labels or IP matched)";
            if (peer.Endpoint is null) return $"{peer.Id} has no endpoint to evaluate";
        }
        if (connection.Port is null || connection.Protocol is null) return "no L4 destination port (e.g. ICMP)";
        return null;
    }

    /// <summary>The snapshot's model with a default-deny NetworkPolicy added to <paramref name="ns"/>, same options.</summary>
    private static NetworkModel WithDefaultDeny(NetworkModel model, string ns)
    {
        var yaml = $"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: {DefaultDenyName}
              namespace: "{ns}"
            spec:
              podSelector: {"{}"}
              policyTypes: [Ingress, Egress]
            """;
        // Compile only the added policy and append it: the endpoints and every other policy are unchanged, so the
        // snapshot is not rebuilt per namespace.
        var parsed = ManifestParser.Parse(yaml, $"<default-deny {ns}>");
        var added = PolicyCompiler.Compile(SnapshotBuilder.Build(parsed.Objects)).NetworkPolicies;
        return model with { Policies = model.Policies with { NetworkPolicies = [.. model.Policies.NetworkPolicies, .. added] } };
    }

    private static (Direction, DirectionVerdict) Deciding(ConnectionVerdict verdict)
    {
        if (!verdict.Egress.Allowed) return (Direction.Egress, verdict.Egress);
        if (!verdict.Ingress.Allowed) return (Direction.Ingress, verdict.Ingress);
        if (ByPolicy(verdict.Ingress)) return (Direction.Ingress, verdict.Ingress);
        if (ByPolicy(verdict.Egress)) return (Direction.Egress, verdict.Egress);
        return (Direction.Ingress, verdict.Ingress);
    }

    private static bool ByPolicy(DirectionVerdict verdict) => verdict.DecidedBy is DecisionTier.Admin or DecisionTier.NetworkPolicy or DecisionTier.Baseline;

    /// <summary>The policy of the deciding step; for an isolation without a matching rule, every isolating policy.</summary>
    private static string? PolicyOf(DirectionVerdict verdict)
    {
        if (!ByPolicy(verdict)) return null;
        if (verdict.Steps.Count > 0 && verdict.Steps[^1].Policy is { } last) return last;
        var all = verdict.Steps.Where(s => s.Tier == verdict.DecidedBy && s.Policy is not null).Select(s => s.Policy!).Distinct().ToList();
        return all.Count == 0 ? null : string.Join(", ", all);
    }
}
