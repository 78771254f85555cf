using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Network.Engine;
using Verity.Network.Evaluation;
using Verity.Network.Flows;
using Verity.Network.Model;
using Verity.Network.Policies;

namespace Verity.Network.Generation;

/// <summary>
/// Proves generated policies with the engine: the generated YAML is parsed back (as <c>kubectl apply</c> would read
/// it) and compiled, its policies are added to the snapshot's model (the endpoints and every existing policy stay as
/// they are), and the <see cref="ReachabilityEngine"/> then (a) evaluates every covered observed connection — each
/// must be allowed — and (b) counts the connections between workloads, on the ports the destination declares, that
/// are allowed but were never observed, restricted to pairs the generated policies govern (destination in a
/// generated namespace, or the source when egress is restricted). DNS to a server outside the snapshot is checked
/// against an assumed kube-dns pod (see <see cref="ClusterDns"/>).
/// </summary>
public static class GenerationProof
{
    public const string GeneratedFile = "verity-generated.yaml";

    public static ProofReport Verify(NetworkModel model, IReadOnlyList<ObservedConnection> observed, GenerationResult generated)
    {
        var parsed = ManifestParser.Parse(generated.Yaml, GeneratedFile);
        var added = PolicyCompiler.Compile(SnapshotBuilder.Build(parsed.Objects));
        var withGenerated = model with
        {
            Policies = model.Policies with { NetworkPolicies = [.. model.Policies.NetworkPolicies, .. added.NetworkPolicies] },
        };
        var engine = new ReachabilityEngine(withGenerated);
        var byId = withGenerated.Endpoints.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var dns = ClusterDns.In(withGenerated.Endpoints);

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

        var diagnostics = parsed.Diagnostics.Concat(added.Diagnostics).ToList();
        return new ProofReport(verified, denied, unverified, OverPermissionCounter.Count(withGenerated, engine, observed, generated), diagnostics);
    }

    private static Endpoint? EndpointOf(FlowPeer peer, Dictionary<string, Endpoint> byId) => peer.Kind switch
    {
        FlowPeerKind.Workload when peer.Endpoint is not null => byId.GetValueOrDefault(peer.Endpoint.Id),
        FlowPeerKind.External when peer.Endpoint is { Addresses.Count: > 0 } e => Endpoint.External(e.Addresses[0]),
        _ => null,
    };
}
