using System.Net;
using Verity.Core.Snapshots;
using Verity.Network.Evaluation;
using Verity.Network.Model;

namespace Verity.Network.Flows;

/// <summary>
/// Maps observed flows onto a snapshot and aggregates them into <see cref="ObservedConnection"/>s. An endpoint is
/// matched, in order: by namespace and pod name (a pod of the snapshot → its owning workload); by labels (a
/// workload of that namespace whose pod template labels are all on the flow's pod — pod-template-hash and the like
/// are simply extra); by IP (a pod of the snapshot with that address); by the name its controller gives its pods
/// (<see cref="PodNames"/>: <c>web-5d9f7c6b8-h7m2p</c> is a pod of Deployment <c>web</c> — what a CSV capture of
/// manifests without pods needs). Each step counts only when exactly one workload matches. Otherwise an endpoint with a namespace is
/// unmapped, Hubble's reserved host/remote-node identities are node traffic, and anything else with an IP is
/// external. Replies are not new connections and are skipped. DNS is recognised by destination port 53 to a pod
/// labelled k8s-app=kube-dns (or to namespace kube-system).
/// </summary>
public sealed class FlowMapper
{
    private readonly Dictionary<string, FlowPeer> _byPod = new(StringComparer.Ordinal);
    private readonly Dictionary<IPAddress, FlowPeer> _byIp = [];
    private readonly ILookup<string, (Workload Workload, FlowPeer Peer)> _workloadsByNamespace;
    private readonly Dictionary<FlowEndpoint, FlowPeer> _mapped = new(ReferenceEqualityComparer.Instance);
    private const int MappedCapacity = 100_000;

    public FlowMapper(NetworkModel model)
    {
        var peers = new Dictionary<Workload, FlowPeer>(ReferenceEqualityComparer.Instance);
        foreach (var endpoint in model.Endpoints)
        {
            if (endpoint.Workload is not { } workload) continue;
            if (!peers.TryGetValue(workload, out var peer))
                peers[workload] = peer = new FlowPeer(FlowPeerKind.Workload, EndpointCatalog.WorkloadId(workload), workload.Namespace, endpoint);
            if (endpoint.Kind == EndpointKind.Pod) _byPod[$"{endpoint.Namespace}/{endpoint.Source!.Name}"] = peer;
            foreach (var address in endpoint.Addresses) _byIp.TryAdd(address, peer);
        }
        _workloadsByNamespace = peers.Select(p => (p.Key, p.Value)).ToLookup(p => p.Key.Namespace, StringComparer.Ordinal);
    }

    /// <summary>
    /// The peer an endpoint maps to. The reader shares one <see cref="FlowEndpoint"/> among the flows of a pod, so
    /// each distinct endpoint is mapped once (remembered by reference; not thread-safe).
    /// </summary>
    public FlowPeer Map(FlowEndpoint endpoint)
    {
        if (_mapped.TryGetValue(endpoint, out var known)) return known;
        var peer = MapUncached(endpoint);
        if (_mapped.Count < MappedCapacity) _mapped[endpoint] = peer;
        return peer;
    }

    private FlowPeer MapUncached(FlowEndpoint endpoint)
    {
        if (endpoint.Namespace is { } ns && endpoint.PodName is { } pod && _byPod.TryGetValue($"{ns}/{pod}", out var byPod)) return byPod;
        if (endpoint.Namespace is { } ns2 && endpoint.Labels.Count > 0)
        {
            var byLabels = _workloadsByNamespace[ns2].Where(w => TemplateLabels(w.Workload) is { Count: > 0 } labels
                && labels.All(l => endpoint.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
            if (byLabels.Count == 1) return byLabels[0].Peer;
        }
        if (endpoint.Address is { } ip && _byIp.TryGetValue(ip, out var byIp)) return byIp;
        if (endpoint.Namespace is { } ns3 && endpoint.PodName is { } podName)
        {
            var byName = _workloadsByNamespace[ns3].Where(w => PodNames.Generated(w.Workload, podName)).ToList();
            if (byName.Count == 1) return byName[0].Peer;
        }
        if (endpoint.IsHost) return new FlowPeer(FlowPeerKind.Host, $"host:{endpoint.Address}", null, null);
        if (endpoint.Namespace is not null)
            return new FlowPeer(FlowPeerKind.Unmapped, $"{endpoint.Namespace}/{endpoint.PodName ?? endpoint.Address?.ToString() ?? "?"}", endpoint.Namespace, null);
        if (endpoint.Address is { } external) return new FlowPeer(FlowPeerKind.External, external.ToString(), null, Endpoint.External(external));
        return new FlowPeer(FlowPeerKind.Unmapped, "unknown", null, null);
    }

    /// <summary>Aggregates flows (replies skipped) per (from, to, port, protocol), in first-seen order.</summary>
    public IReadOnlyList<ObservedConnection> Aggregate(IEnumerable<FlowRecord> flows)
    {
        var order = new List<(FlowPeer From, FlowPeer To, int? Port, Protocol? Protocol)>();
        var counts = new Dictionary<(string, string, int?, Protocol?), (long Count, SortedSet<string> Verdicts, bool Dns)>();
        foreach (var flow in flows)
        {
            if (flow.IsReply) continue;
            var from = Map(flow.Source);
            var to = Map(flow.Destination);
            var key = (from.Id, to.Id, flow.Port, flow.Protocol);
            if (!counts.TryGetValue(key, out var entry))
            {
                order.Add((from, to, flow.Port, flow.Protocol));
                entry = (0, new SortedSet<string>(StringComparer.Ordinal), IsDns(flow));
            }
            entry.Verdicts.Add(flow.Verdict);
            counts[key] = (entry.Count + flow.Count, entry.Verdicts, entry.Dns);
        }
        return order.Select(o =>
        {
            var entry = counts[(o.From.Id, o.To.Id, o.Port, o.Protocol)];
            return new ObservedConnection(o.From, o.To, o.Port, o.Protocol, entry.Count, [.. entry.Verdicts], entry.Dns);
        }).ToList();
    }

    private static bool IsDns(FlowRecord flow) =>
        flow.Port == 53 && (flow.Destination.Labels.TryGetValue("k8s-app", out var app) && app == "kube-dns" || flow.Destination.Namespace == "kube-system");

    private static IReadOnlyDictionary<string, string> TemplateLabels(Workload workload) =>
        workload.Template.Metadata?.Labels is { } labels ? new Dictionary<string, string>(labels) : new Dictionary<string, string>();
}
