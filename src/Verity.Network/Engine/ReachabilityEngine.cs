using System.Text;
using Verity.Network.Evaluation;
using Verity.Network.Model;
using Verity.Network.Policies;

namespace Verity.Network.Engine;

/// <summary>
/// The fast path for reachability: endpoints are grouped into <see cref="EndpointClass"/>es (endpoints every
/// policy treats alike), each class knows the rules that apply to it and which peers it matches, and a query
/// evaluates a whole set of up to 64 ports at once as a bit mask, tier by tier, with the same semantics as
/// <see cref="ReachabilityEvaluator"/> (the reference it is tested against). Not thread-safe: classes for
/// endpoints outside the model (external addresses) are added on first use.
/// </summary>
public sealed class ReachabilityEngine
{
    private readonly NetworkModel _model;
    private readonly List<Peer> _peers = [];
    private readonly List<(CompiledNetworkPolicy Policy, CompiledRule[] Ingress, CompiledRule[] Egress)> _networkPolicies = [];
    private readonly List<(CompiledClusterPolicy Policy, CompiledRule[] Ingress, CompiledRule[] Egress)> _clusterPolicies = [];
    private readonly List<CidrPeer> _cidrPeers = [];
    private readonly Dictionary<string, EndpointClass> _classes = new(StringComparer.Ordinal);
    private readonly Dictionary<Endpoint, EndpointClass> _classOf = new(ReferenceEqualityComparer.Instance);

    public ReachabilityEngine(NetworkModel model)
    {
        _model = model;
        foreach (var policy in model.Policies.NetworkPolicies)
            _networkPolicies.Add((policy, policy.Ingress.Select(Compile).ToArray(), policy.Egress.Select(Compile).ToArray()));
        foreach (var policy in model.Policies.ClusterPolicies)
            _clusterPolicies.Add((policy, policy.Ingress.Select(Compile).ToArray(), policy.Egress.Select(Compile).ToArray()));
        foreach (var endpoint in model.Endpoints) ClassOf(endpoint);
    }

    /// <summary>The number of distinct classes among the model's endpoints (and external ones queried since).</summary>
    public int ClassCount => _classes.Count;

    public bool Allowed(Endpoint from, Endpoint to, PortKey port) => (AllowedMask(from, to, [port]) & 1) != 0;

    /// <summary>Bit i is set when the connection is allowed on <paramref name="ports"/>[i] (at most 64 ports).</summary>
    public ulong AllowedMask(Endpoint from, Endpoint to, IReadOnlyList<PortKey> ports)
    {
        if (ports.Count > 64) throw new ArgumentException("at most 64 ports per query", nameof(ports));
        var all = ports.Count == 64 ? ulong.MaxValue : (1UL << ports.Count) - 1;
        if (from.Kind != EndpointKind.External && from.Id == to.Id) return all;
        var source = ClassOf(from);
        var destination = ClassOf(to);
        return Decide(Direction.Egress, source, destination, destination, ports, all)
            & Decide(Direction.Ingress, destination, source, destination, ports, all);
    }

    private ulong Decide(Direction direction, EndpointClass subject, EndpointClass peer, EndpointClass destination, IReadOnlyList<PortKey> ports, ulong all)
    {
        if (subject.Exempt) return all;
        var egress = direction == Direction.Egress;
        ulong undecided = all, allowed = 0, passed = 0;
        foreach (var rule in egress ? subject.AdminEgress : subject.AdminIngress)
        {
            if (undecided == 0) break;
            if (!PeerMatches(rule, peer)) continue;
            var hit = PortMask(rule, destination, ports, all) & undecided;
            if (hit == 0) continue;
            undecided &= ~hit;
            if (rule.Action == ClusterAction.Accept) allowed |= hit;
            else if (rule.Action == ClusterAction.Pass) passed |= hit;
        }
        var next = undecided | passed;
        if (egress ? subject.EgressIsolated : subject.IngressIsolated)
        {
            ulong byPolicy = 0;
            foreach (var rule in egress ? subject.PolicyEgress : subject.PolicyIngress)
            {
                if (PeerMatches(rule, peer)) byPolicy |= PortMask(rule, destination, ports, all);
            }
            return allowed | (next & byPolicy);
        }
        undecided = next;
        foreach (var rule in egress ? subject.BaselineEgress : subject.BaselineIngress)
        {
            if (undecided == 0) break;
            if (!PeerMatches(rule, peer)) continue;
            var hit = PortMask(rule, destination, ports, all) & undecided;
            undecided &= ~hit;
            if (rule.Action != ClusterAction.Deny) allowed |= hit; // Accept, or Pass on to the default (allow)
        }
        return allowed | undecided;
    }

    private static bool PeerMatches(CompiledRule rule, EndpointClass peer)
    {
        if (rule.AnyPeer) return true;
        foreach (var index in rule.Peers)
        {
            if (peer.PeerMatches[index]) return true;
        }
        return false;
    }

    private static ulong PortMask(CompiledRule rule, EndpointClass destination, IReadOnlyList<PortKey> ports, ulong all)
    {
        if (rule.Ports.Count == 0) return all;
        ulong mask = 0;
        for (var i = 0; i < ports.Count; i++)
        {
            foreach (var matcher in rule.Ports)
            {
                if (matcher.Matches(destination.Representative, ports[i].Port, ports[i].Protocol))
                {
                    mask |= 1UL << i;
                    break;
                }
            }
        }
        return mask;
    }

    private CompiledRule Compile(PolicyRule rule) =>
        new(rule.Peers.Select(Register).ToArray(), rule.Peers.Count == 0, rule.Ports, ClusterAction.Accept);

    private CompiledRule Compile(ClusterRule rule) =>
        new(rule.Peers.Select(Register).ToArray(), false, rule.Ports, rule.Action);

    private int Register(Peer peer)
    {
        _peers.Add(peer);
        if (peer is CidrPeer cidr) _cidrPeers.Add(cidr);
        return _peers.Count - 1;
    }

    internal EndpointClass ClassOf(Endpoint endpoint)
    {
        if (_classOf.TryGetValue(endpoint, out var known)) return known;
        var key = Key(endpoint);
        if (!_classes.TryGetValue(key, out var found))
        {
            found = Build(new EndpointClass(_classes.Count, endpoint));
            _classes[key] = found;
        }
        _classOf[endpoint] = found;
        return found;
    }

    /// <summary>Everything a policy can look at: kind, host network, namespace, labels, namespace labels, ports, and each address range's answer.</summary>
    private string Key(Endpoint endpoint)
    {
        var key = new StringBuilder();
        key.Append((int)endpoint.Kind).Append(endpoint.HostNetwork ? 'h' : 'p').Append('|').Append(endpoint.Namespace).Append('|');
        Append(key, endpoint.Labels).Append('|');
        Append(key, endpoint.NamespaceLabels).Append('|');
        foreach (var port in endpoint.Ports.OrderBy(p => p.Number).ThenBy(p => p.Protocol).ThenBy(p => p.Name, StringComparer.Ordinal))
            key.Append(port.Name).Append(':').Append(port.Number).Append('/').Append((int)port.Protocol).Append(',');
        key.Append('|');
        if (endpoint.Addresses.Count > 0)
        {
            foreach (var cidr in _cidrPeers) key.Append(cidr.Matches(endpoint, _model.Options) ? '1' : '0');
        }
        return key.ToString();
    }

    private static StringBuilder Append(StringBuilder key, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (name, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            key.Append(name).Append('=').Append(value).Append('\u0001');
        return key;
    }

    private EndpointClass Build(EndpointClass cls)
    {
        var endpoint = cls.Representative;
        var options = _model.Options;
        cls.PeerMatches = _peers.Select(p => p.Matches(endpoint, options)).ToArray();
        if (cls.Exempt) return cls;
        var policyEgress = new List<CompiledRule>();
        var policyIngress = new List<CompiledRule>();
        foreach (var (policy, ingress, egress) in _networkPolicies)
        {
            if (policy.Namespace != endpoint.Namespace || !policy.PodSelector.Matches(endpoint.Labels)) continue;
            if (policy.AffectsIngress) { cls.IngressIsolated = true; policyIngress.AddRange(ingress); }
            if (policy.AffectsEgress) { cls.EgressIsolated = true; policyEgress.AddRange(egress); }
        }
        cls.PolicyEgress = [.. policyEgress];
        cls.PolicyIngress = [.. policyIngress];
        var admin = _clusterPolicies.Where(c => c.Policy.Tier == ClusterTier.Admin && c.Policy.Subject.Matches(endpoint, options)).ToList();
        var baseline = _clusterPolicies.Where(c => c.Policy.Tier == ClusterTier.Baseline && c.Policy.Subject.Matches(endpoint, options)).ToList();
        cls.AdminEgress = [.. admin.SelectMany(c => c.Egress)];
        cls.AdminIngress = [.. admin.SelectMany(c => c.Ingress)];
        cls.BaselineEgress = [.. baseline.SelectMany(c => c.Egress)];
        cls.BaselineIngress = [.. baseline.SelectMany(c => c.Ingress)];
        return cls;
    }
}
