using Verity.Core.Loading;
using Verity.Core.Model;
using Verity.Core.Snapshots;
using Verity.Network.Engine;
using Verity.Network.Evaluation;
using Verity.Network.Flows;
using Verity.Network.Model;

namespace Verity.Network.Generation;

/// <summary>
/// Proves generated policies with the engine: the generated YAML is parsed back (as <c>kubectl apply</c> would read
/// it), added to the original objects, and the <see cref="ReachabilityEngine"/> then (a) evaluates every covered
/// observed connection — each must be allowed — and (b) lists the connections between workloads, on the ports the
/// destination declares, that are allowed but were never observed, restricted to pairs the generated policies
/// govern (destination in a generated namespace, or the source when egress is restricted). DNS to a server outside
/// the snapshot is checked against an assumed kube-dns pod (see <see cref="ClusterDns"/>).
/// </summary>
public static class GenerationProof
{
    public const string GeneratedFile = "verity-generated.yaml";

    public static ProofReport Verify(IReadOnlyList<KubeObject> objects, IReadOnlyList<ObservedConnection> observed, GenerationResult generated, NetworkOptions? options = null)
    {
        var parsed = ManifestParser.Parse(generated.Yaml, GeneratedFile);
        var snapshot = SnapshotBuilder.Build(objects.Concat(parsed.Objects));
        var model = NetworkModel.FromSnapshot(snapshot, options);
        var engine = new ReachabilityEngine(model);
        var byId = model.Endpoints.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var dns = ClusterDns.In(model.Endpoints);

        var denied = new List<ObservedConnection>();
        var unverified = new List<ObservedConnection>();
        var verified = 0;
        foreach (var c in generated.Covered)
        {
            var from = EndpointOf(c.From, byId);
            var to = c.IsDns && c.To.Kind != FlowPeerKind.Workload ? dns : EndpointOf(c.To, byId);
            if (from is null || to is null || c.Port is null || c.Protocol is null)
            {
                unverified.Add(c);
                continue;
            }
            verified++;
            if (!engine.Allowed(from, to, new PortKey(c.Port.Value, c.Protocol.Value))) denied.Add(c);
        }

        return new ProofReport(verified, denied, unverified, OverPermission(snapshot, model, engine, observed, generated), parsed.Diagnostics);
    }

    private static Endpoint? EndpointOf(FlowPeer peer, Dictionary<string, Endpoint> byId) => peer.Kind switch
    {
        FlowPeerKind.Workload when peer.Endpoint is not null => byId.GetValueOrDefault(peer.Endpoint.Id),
        FlowPeerKind.External when peer.Endpoint is { Addresses.Count: > 0 } e => Endpoint.External(e.Addresses[0]),
        _ => null,
    };

    private static IReadOnlyList<OverPermission> OverPermission(Snapshot snapshot, NetworkModel model, ReachabilityEngine engine, IReadOnlyList<ObservedConnection> observed, GenerationResult generated)
    {
        // One endpoint per workload (a pod of it, else its template), as the flow mapper picks them.
        var workloadOf = new Dictionary<Endpoint, string>(ReferenceEqualityComparer.Instance);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in model.Endpoints.Where(e => e.Source is not null && e.IsPolicyTarget))
        {
            if (endpoint.Workload is { } workload && seen.Add(EndpointCatalog.WorkloadId(workload))) workloadOf[endpoint] = EndpointCatalog.WorkloadId(workload);
        }
        var generatedNs = generated.Namespaces.Select(n => n.Namespace).ToHashSet(StringComparer.Ordinal);
        var observedKeys = observed.Where(c => c.Port is not null && c.Protocol is not null)
            .Select(c => $"{c.From.Id}|{c.To.Id}|{c.Port}/{c.Protocol}").ToHashSet(StringComparer.Ordinal);

        var groups = new SortedDictionary<(string, string), (int Allowed, int Unobserved, List<string> Connections)>();
        var endpoints = workloadOf.Keys.ToList();
        foreach (var connection in ReachabilityMatrix.Compute(engine, endpoints))
        {
            var from = workloadOf[connection.From];
            var to = workloadOf[connection.To];
            if (from == to) continue;
            var (fromNs, toNs) = (connection.From.Namespace, connection.To.Namespace);
            if (!generatedNs.Contains(toNs) && !(generated.Egress && generatedNs.Contains(fromNs))) continue;
            if (observedKeys.Contains($"{from}|{to}|{connection.Port.Port}/{connection.Port.Protocol}")) continue;
            var entry = groups.TryGetValue((fromNs, toNs), out var known) ? known : (Allowed: 0, Unobserved: 0, Connections: new List<string>());
            entry.Unobserved++;
            if (connection.Allowed)
            {
                entry.Allowed++;
                entry.Connections.Add($"{from} -> {to} {connection.Port}");
            }
            groups[(fromNs, toNs)] = entry;
        }
        return groups.Select(g => new OverPermission(g.Key.Item1, g.Key.Item2, g.Value.Allowed, g.Value.Unobserved, g.Value.Connections.Order(StringComparer.Ordinal).ToList())).ToList();
    }
}
