using System.Net;
using Verity.Core.Snapshots;
using Verity.Network.Flows;
using Verity.Network.Model;

namespace Verity.Network.Generation;

/// <summary>
/// Generates least-privilege NetworkPolicies (networking.k8s.io/v1) from observed connections: per namespace a
/// default-deny (Ingress; Egress too with <see cref="GenerationOptions.Egress"/>), one allow policy per destination
/// workload (ingress) and per source workload (egress) listing exactly the peers and ports observed, and — when
/// egress is restricted — DNS to kube-dns. Selectors use <see cref="StableLabels"/>; peers are
/// <c>namespaceSelector</c> on <c>kubernetes.io/metadata.name</c> plus a <c>podSelector</c>, or an
/// <c>ipBlock</c> for external addresses. A connection is generated for only when every side it needs is
/// representable: host and unmapped peers, connections without a port and connections the capture only saw dropped
/// are skipped and reported. Pure and deterministic: the same input gives byte-identical YAML.
/// Limits: named ports are used when the destination workload declares the port by name; the generated policies
/// prove nothing about AdminNetworkPolicy deny rules, which <see cref="GenerationProof"/> then reports.
/// </summary>
public static class PolicyGenerator
{
    public const string DefaultDenyName = "verity-default-deny";
    public const string DnsPolicyName = "verity-allow-dns-egress";

    private static readonly IReadOnlyList<KeyValuePair<string, string>> KubeDnsLabels = [new("k8s-app", "kube-dns")];

    public static GenerationResult Generate(Snapshot snapshot, IReadOnlyList<ObservedConnection> connections, GenerationOptions? options = null)
    {
        options ??= new GenerationOptions();
        var workloads = snapshot.Workloads.GroupBy(IdOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var targets = options.Namespaces.Count > 0
            ? new SortedSet<string>(options.Namespaces, StringComparer.Ordinal)
            : new SortedSet<string>(connections.SelectMany(c => new[] { c.From, c.To }).Where(p => p.Kind == FlowPeerKind.Workload).Select(p => p.Namespace!), StringComparer.Ordinal);

        var covered = new List<ObservedConnection>();
        var skipped = new List<SkippedConnection>();
        var ingress = new List<ObservedConnection>();
        var egress = new List<ObservedConnection>();
        var dns = new List<ObservedConnection>();
        foreach (var c in connections)
        {
            var needsIngress = c.To.Kind == FlowPeerKind.Workload && targets.Contains(c.To.Namespace!);
            var needsEgress = options.Egress && c.From.Kind == FlowPeerKind.Workload && targets.Contains(c.From.Namespace!);
            var dnsCovered = needsEgress && c.IsDns && c.To.Kind != FlowPeerKind.Workload;
            // Neither end is restricted by what is generated: the connection is left as it is.
            if (!needsIngress && !needsEgress) continue;
            var reason = SkipReason(c, needsIngress, needsEgress, dnsCovered);
            if (reason is not null)
            {
                skipped.Add(new SkippedConnection(c, reason));
                continue;
            }
            covered.Add(c);
            if (needsIngress) ingress.Add(c);
            if (dnsCovered) dns.Add(c);
            else if (needsEgress) egress.Add(c);
        }

        // Indexes so the work grows with the number of workloads and connections, not their product.
        var selectors = new SelectorCache(workloads.Values);
        var ingressTo = ingress.ToLookup(c => c.To.Id, StringComparer.Ordinal);
        var egressFrom = egress.ToLookup(c => c.From.Id, StringComparer.Ordinal);
        var dnsFrom = dns.ToLookup(c => c.From.Namespace, StringComparer.Ordinal);
        var result = new List<NamespacePolicies>();
        foreach (var ns in targets)
        {
            var policies = new List<GeneratedPolicy>
            {
                new()
                {
                    Name = DefaultDenyName, Namespace = ns,
                    PolicyTypes = options.Egress ? ["Ingress", "Egress"] : ["Ingress"],
                    Note = options.Egress ? "deny all ingress and egress not allowed below" : "deny all ingress not allowed below",
                },
            };
            if (options.Egress)
            {
                policies.Add(new GeneratedPolicy
                {
                    Name = DnsPolicyName, Namespace = ns, PolicyTypes = ["Egress"],
                    Egress = [new GeneratedRule([GeneratedPeer.Pods("kube-system", KubeDnsLabels)], [new GeneratedPort(53, null, Protocol.UDP), new GeneratedPort(53, null, Protocol.TCP)])],
                    Flows = dnsFrom[ns].Select(Describe).ToList(),
                    Note = "DNS to kube-dns, needed by every pod once egress is restricted",
                });
            }
            var inNamespace = selectors.InNamespace(ns);
            var ambiguousNames = inNamespace.GroupBy(w => w.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var workload in inNamespace.OrderBy(w => w.Name, StringComparer.Ordinal).ThenBy(w => w.Kind, StringComparer.Ordinal))
            {
                var id = IdOf(workload);
                var stem = ambiguousNames.Contains(workload.Name) ? $"{workload.Kind.ToLowerInvariant()}-{workload.Name}" : workload.Name;
                var selector = selectors.Of(workload);
                var incoming = ingressTo[id].ToList();
                if (incoming.Count > 0)
                {
                    policies.Add(new GeneratedPolicy
                    {
                        Name = $"verity-allow-{stem}-ingress", Namespace = ns, PodSelector = selector, PolicyTypes = ["Ingress"],
                        Ingress = Rules(incoming, c => c.From, workloads, selectors, options), Flows = incoming.Select(Describe).ToList(),
                    });
                }
                var outgoing = egressFrom[id].ToList();
                if (outgoing.Count > 0)
                {
                    policies.Add(new GeneratedPolicy
                    {
                        Name = $"verity-allow-{stem}-egress", Namespace = ns, PodSelector = selector, PolicyTypes = ["Egress"],
                        Egress = Rules(outgoing, c => c.To, workloads, selectors, options), Flows = outgoing.Select(Describe).ToList(),
                    });
                }
            }
            result.Add(new NamespacePolicies(ns, policies, PolicyYamlWriter.Write(policies)));
        }
        return new GenerationResult(result, covered, skipped) { Egress = options.Egress };
    }

    /// <summary>The flow line written in a policy's comment: <c>from -> to port/protocol (xCOUNT)</c>.</summary>
    public static string Describe(ObservedConnection c) => $"{c.From.Id} -> {c.To.Id} {c.Port}/{c.Protocol} (x{c.Count})";

    internal static string IdOf(Workload w) => EndpointCatalog.WorkloadId(w);

    private static string? SkipReason(ObservedConnection c, bool needsIngress, bool needsEgress, bool dnsCovered)
    {
        if (c.Port is null || c.Protocol is null) return "no port or protocol (e.g. ICMP): NetworkPolicy cannot allow it by port";
        if (c.Verdicts.Count > 0 && c.Verdicts.All(v => v is "DROPPED" or "ERROR")) return "only dropped in the capture: not allowed by the generated policies";
        if (needsIngress && PeerProblem(c.From) is { } from) return "source " + from;
        if (needsEgress && !dnsCovered && PeerProblem(c.To) is { } to) return "destination " + to;
        return null;
    }

    private static string? PeerProblem(FlowPeer peer) => peer.Kind switch
    {
        FlowPeerKind.Host => "is node/host traffic, which NetworkPolicy does not select",
        FlowPeerKind.Unmapped => "is not a workload of the snapshot",
        FlowPeerKind.External when peer.Endpoint is null || peer.Endpoint.Addresses.Count == 0 => "has no address",
        _ => null,
    };

    /// <summary>One rule per peer, with the distinct ports observed to or from it; peers and ports in a stable order.</summary>
    private static IReadOnlyList<GeneratedRule> Rules(List<ObservedConnection> connections, Func<ObservedConnection, FlowPeer> peerOf, Dictionary<string, Workload> workloads,
        SelectorCache selectors, GenerationOptions options) =>
        connections
            .Select(c => (Peer: PeerOf(peerOf(c), workloads, selectors, options), Port: PortOf(c)))
            .GroupBy(x => x.Peer.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GeneratedRule([g.First().Peer], g.Select(x => x.Port).DistinctBy(p => p.Key).OrderBy(p => p.Key, StringComparer.Ordinal).ToList()))
            .ToList();

    private static GeneratedPeer PeerOf(FlowPeer peer, Dictionary<string, Workload> workloads, SelectorCache selectors, GenerationOptions options)
    {
        if (peer.Kind == FlowPeerKind.Workload && workloads.TryGetValue(peer.Id, out var workload))
            return GeneratedPeer.Pods(workload.Namespace, selectors.Of(workload));
        return GeneratedPeer.Block(Cidr(peer.Endpoint!.Addresses[0], options.CidrPrefix));
    }

    private static GeneratedPort PortOf(ObservedConnection c)
    {
        var name = c.To.Kind == FlowPeerKind.Workload
            ? c.To.Endpoint?.Ports.FirstOrDefault(p => p.Number == c.Port && p.Protocol == c.Protocol && !string.IsNullOrEmpty(p.Name))?.Name
            : null;
        return new GeneratedPort(c.Port!.Value, name, c.Protocol!.Value);
    }

    /// <summary>The address widened to <paramref name="prefix"/> bits (IPv4; IPv6 stays /128), in CIDR notation.</summary>
    internal static string Cidr(IPAddress address, int prefix)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork) return $"{address}/128";
        prefix = Math.Clamp(prefix, 0, 32);
        var bytes = address.GetAddressBytes();
        for (var bit = prefix; bit < 32; bit++) bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        return $"{new IPAddress(bytes)}/{prefix}";
    }
}
