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
    private readonly PeerScopes _peerScopes = new();
    private readonly Dictionary<string, List<int>> _networkPoliciesByNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EndpointClass> _classes = new(StringComparer.Ordinal);
    private readonly List<EndpointClass> _classList = [];
    private readonly Dictionary<Endpoint, EndpointClass> _classOf = new(ReferenceEqualityComparer.Instance);

    // Port masks depend only on a rule's port matchers and the destination's declared ports, so they are
    // cached per (distinct matcher list, distinct declared-port list) for the port list last queried.
    private readonly Dictionary<string, int> _portSets = new(StringComparer.Ordinal);
    private readonly List<IReadOnlyList<PortMatcher>> _portSetMatchers = [];
    private readonly Dictionary<string, int> _declaredPorts = new(StringComparer.Ordinal);
    private readonly List<Endpoint> _declaredPortsOwner = [];
    private PortKey[] _maskPorts = [];
    private ulong _maskAll;
    private bool _masksReady;
    private readonly Dictionary<PortKey, (ulong[][] Masks, bool[][] Known)> _singlePortMasks = [];
    private (PortKey[]? Ports, ulong[][] Masks, bool[][] Known) _listMasks = (null, [], []);
    private ulong[][] _masks = [];
    private bool[][] _masksKnown = [];

    public ReachabilityEngine(NetworkModel model)
    {
        _model = model;
        foreach (var policy in model.Policies.NetworkPolicies)
        {
            if (!_networkPoliciesByNamespace.TryGetValue(policy.Namespace, out var inNamespace))
                _networkPoliciesByNamespace[policy.Namespace] = inNamespace = [];
            inNamespace.Add(_networkPolicies.Count);
            _networkPolicies.Add((policy, policy.Ingress.Select(Compile).ToArray(), policy.Egress.Select(Compile).ToArray()));
        }
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
        UsePorts(ports);
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
            var hit = PortMask(rule, destination) & undecided;
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
                if (PeerMatches(rule, peer)) byPolicy |= PortMask(rule, destination);
            }
            return allowed | (next & byPolicy);
        }
        undecided = next;
        foreach (var rule in egress ? subject.BaselineEgress : subject.BaselineIngress)
        {
            if (undecided == 0) break;
            if (!PeerMatches(rule, peer)) continue;
            var hit = PortMask(rule, destination) & undecided;
            undecided &= ~hit;
            if (rule.Action != ClusterAction.Deny) allowed |= hit; // Accept, or Pass on to the default (allow)
        }
        return allowed | undecided;
    }

    /// <summary>The classes known so far, by id.</summary>
    internal IReadOnlyList<EndpointClass> Classes => _classList;

    /// <summary>
    /// One direction's verdict for every ordered pair of the classes known now, on <paramref name="ports"/>
    /// (at most 64): element <c>[subject * n + peer]</c> is the port mask <see cref="Decide"/> would return
    /// with that subject and peer. Row by row: each rule is applied to the classes its peers match (the
    /// class lists of every peer are built once), with the same tier order and bit logic as
    /// <see cref="Decide"/>, so a rule costs the size of its match, not the number of classes.
    /// </summary>
    internal ulong[] DirectionMatrix(Direction direction, IReadOnlyList<PortKey> ports, Func<CompiledRule, int[]?> matchOf)
    {
        UsePorts(ports);
        var all = ports.Count == 64 ? ulong.MaxValue : (1UL << ports.Count) - 1;
        var egress = direction == Direction.Egress;
        var n = _classList.Count;
        var result = new ulong[(long)n * n];
        var undecided = new ulong[n];
        var allowed = new ulong[n];
        var passed = new ulong[n];
        foreach (var subject in _classList)
        {
            var row = result.AsSpan(subject.Id * n, n);
            if (subject.Exempt)
            {
                row.Fill(all);
                continue;
            }
            undecided.AsSpan().Fill(all);
            allowed.AsSpan().Clear();
            passed.AsSpan().Clear();
            foreach (var rule in egress ? subject.AdminEgress : subject.AdminIngress)
                Apply(rule, subject, egress, matchOf(rule), undecided, allowed, passed, n);
            for (var p = 0; p < n; p++) undecided[p] |= passed[p];
            if (egress ? subject.EgressIsolated : subject.IngressIsolated)
            {
                row.Clear();
                foreach (var rule in egress ? subject.PolicyEgress : subject.PolicyIngress)
                {
                    var match = matchOf(rule);
                    if (match is null)
                        for (var p = 0; p < n; p++) row[p] |= PortMask(rule, egress ? _classList[p] : subject);
                    else
                        foreach (var p in match) row[p] |= PortMask(rule, egress ? _classList[p] : subject);
                }
                for (var p = 0; p < n; p++) row[p] = allowed[p] | (undecided[p] & row[p]);
                continue;
            }
            passed.AsSpan().Clear();
            foreach (var rule in egress ? subject.BaselineEgress : subject.BaselineIngress)
                Apply(rule, subject, egress, matchOf(rule), undecided, allowed, passed, n);
            // A Baseline Pass hands the ports on to the default, which allows them.
            for (var p = 0; p < n; p++) row[p] = allowed[p] | undecided[p] | passed[p];
        }
        return result;
    }

    /// <summary>One cluster-tier rule for every peer class it matches (null: all): first match decides the ports it covers.</summary>
    private void Apply(CompiledRule rule, EndpointClass subject, bool egress, int[]? match, ulong[] undecided, ulong[] allowed, ulong[] passed, int n)
    {
        if (match is null)
        {
            for (var p = 0; p < n; p++) ApplyOne(rule, subject, egress, p, undecided, allowed, passed);
            return;
        }
        foreach (var p in match) ApplyOne(rule, subject, egress, p, undecided, allowed, passed);
    }

    private void ApplyOne(CompiledRule rule, EndpointClass subject, bool egress, int p, ulong[] undecided, ulong[] allowed, ulong[] passed)
    {
        var hit = PortMask(rule, egress ? _classList[p] : subject) & undecided[p];
        if (hit == 0) return;
        undecided[p] &= ~hit;
        // Admin: Accept allows, Pass hands on, Deny decides. Baseline: Deny denies, anything else allows.
        if (rule.Action == ClusterAction.Accept) allowed[p] |= hit;
        else if (rule.Action == ClusterAction.Pass) passed[p] |= hit;
    }

    /// <summary>
    /// For each rule, the ids of the classes (known now) that match one of its peers, or null for a rule that
    /// matches every peer. Built from each class's <see cref="EndpointClass.PeerBits"/>.
    /// </summary>
    internal Func<CompiledRule, int[]?> PeerClassIndex()
    {
        var byPeer = new List<int>[_peers.Count];
        for (var i = 0; i < byPeer.Length; i++) byPeer[i] = [];
        foreach (var cls in _classList)
        {
            var bits = cls.PeerBits;
            for (var word = 0; word < bits.Length; word++)
            {
                for (var rest = bits[word]; rest != 0; rest &= rest - 1)
                    byPeer[word * 64 + System.Numerics.BitOperations.TrailingZeroCount(rest)].Add(cls.Id);
            }
        }
        var lists = byPeer.Select(l => l.ToArray()).ToArray();
        var cache = new Dictionary<CompiledRule, int[]?>(ReferenceEqualityComparer.Instance);
        return rule =>
        {
            if (rule.AnyPeer) return null;
            if (cache.TryGetValue(rule, out var known)) return known;
            var match = rule.Peers.Length == 1 ? lists[rule.Peers[0]] : rule.Peers.SelectMany(i => lists[i]).Distinct().Order().ToArray();
            cache[rule] = match;
            return match;
        };
    }

    private static bool PeerMatches(CompiledRule rule, EndpointClass peer)
    {
        if (rule.AnyPeer) return true;
        foreach (var index in rule.Peers)
        {
            if (peer.MatchesPeer(index)) return true;
        }
        return false;
    }

    /// <summary>The ports of <see cref="_maskPorts"/> (set by <see cref="UsePorts"/>) that <paramref name="rule"/> admits towards <paramref name="destination"/>.</summary>
    private ulong PortMask(CompiledRule rule, EndpointClass destination)
    {
        if (rule.PortSet < 0) return _maskAll;
        var known = _masksKnown[rule.PortSet];
        if (destination.PortsId < known.Length && known[destination.PortsId]) return _masks[rule.PortSet][destination.PortsId];
        return FillPortMask(rule.PortSet, destination.PortsId);
    }

    private ulong FillPortMask(int portSet, int portsId)
    {
        if (portsId >= _masksKnown[portSet].Length)
        {
            var size = Math.Max(portsId + 1, _declaredPortsOwner.Count);
            Array.Resize(ref _masksKnown[portSet], size);
            Array.Resize(ref _masks[portSet], size);
        }
        var mask = ComputePortMask(_portSetMatchers[portSet], _declaredPortsOwner[portsId], _maskPorts);
        _masks[portSet][portsId] = mask;
        _masksKnown[portSet][portsId] = true;
        return mask;
    }

    /// <summary>
    /// Makes the port-mask cache answer for <paramref name="ports"/>: one cache per single port (what <c>can</c>
    /// asks), one for the last longer list (what the matrix asks), dropped when a different list comes.
    /// </summary>
    private void UsePorts(IReadOnlyList<PortKey> ports)
    {
        if (_masksReady && ports.Count == _maskPorts.Length)
        {
            var same = true;
            for (var i = 0; i < ports.Count && same; i++) same = ports[i] == _maskPorts[i];
            if (same) return;
        }
        _masksReady = true;
        if (_maskPorts.Length == 1) _singlePortMasks[_maskPorts[0]] = (_masks, _masksKnown);
        else if (_maskPorts.Length > 1) _listMasks = (_maskPorts, _masks, _masksKnown);
        _maskPorts = [.. ports];
        _maskAll = ports.Count == 64 ? ulong.MaxValue : (1UL << ports.Count) - 1;
        if (ports.Count == 1 && _singlePortMasks.TryGetValue(ports[0], out var single))
        {
            (_masks, _masksKnown) = single;
        }
        else if (ports.Count > 1 && _listMasks.Ports is { } list && list.AsSpan().SequenceEqual(_maskPorts))
        {
            (_, _masks, _masksKnown) = _listMasks;
        }
        else
        {
            _masks = new ulong[_portSetMatchers.Count][];
            _masksKnown = new bool[_portSetMatchers.Count][];
            for (var i = 0; i < _masks.Length; i++)
            {
                _masks[i] = new ulong[_declaredPortsOwner.Count];
                _masksKnown[i] = new bool[_declaredPortsOwner.Count];
            }
        }
    }

    private static ulong ComputePortMask(IReadOnlyList<PortMatcher> matchers, Endpoint destination, IReadOnlyList<PortKey> ports)
    {
        if (matchers.Count == 0) return ports.Count == 64 ? ulong.MaxValue : (1UL << ports.Count) - 1;
        ulong mask = 0;
        for (var i = 0; i < ports.Count; i++)
        {
            foreach (var matcher in matchers)
            {
                if (matcher.Matches(destination, ports[i].Port, ports[i].Protocol))
                {
                    mask |= 1UL << i;
                    break;
                }
            }
        }
        return mask;
    }

    private CompiledRule Compile(PolicyRule rule) =>
        new(rule.Peers.Select(Register).ToArray(), rule.Peers.Count == 0, rule.Ports, ClusterAction.Accept) { PortSet = PortSetOf(rule.Ports) };

    private CompiledRule Compile(ClusterRule rule) =>
        new(rule.Peers.Select(Register).ToArray(), false, rule.Ports, rule.Action) { PortSet = PortSetOf(rule.Ports) };

    private int PortSetOf(IReadOnlyList<PortMatcher> ports)
    {
        if (ports.Count == 0) return -1;
        var key = string.Join(";", ports.Select(p => $"{(int)p.Protocol}|{p.Port}|{p.EndPort}|{p.NamedPort}"));
        if (!_portSets.TryGetValue(key, out var id))
        {
            id = _portSets[key] = _portSetMatchers.Count;
            _portSetMatchers.Add(ports);
        }
        return id;
    }

    private int DeclaredPortsOf(Endpoint endpoint)
    {
        var key = string.Join(",", endpoint.Ports.Select(p => $"{p.Name}:{p.Number}/{(int)p.Protocol}").Order(StringComparer.Ordinal));
        if (!_declaredPorts.TryGetValue(key, out var id))
        {
            id = _declaredPorts[key] = _declaredPortsOwner.Count;
            _declaredPortsOwner.Add(endpoint);
        }
        return id;
    }

    private int Register(Peer peer)
    {
        _peers.Add(peer);
        _peerScopes.Add(peer, _peers.Count - 1);
        if (peer is CidrPeer cidr) _cidrPeers.Add(cidr);
        return _peers.Count - 1;
    }

    internal EndpointClass ClassOf(Endpoint endpoint)
    {
        if (_classOf.TryGetValue(endpoint, out var known)) return known;
        var key = Key(endpoint);
        if (!_classes.TryGetValue(key, out var found))
        {
            found = Build(new EndpointClass(_classes.Count, endpoint) { PortsId = DeclaredPortsOf(endpoint) });
            _classes[key] = found;
            _classList.Add(found);
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
        var bits = new ulong[(_peers.Count + 63) / 64];
        // Only the peers that can match an endpoint of this namespace are tested (see PeerScopes); the rest cannot.
        foreach (var index in _peerScopes.Candidates(endpoint))
        {
            if (_peers[index].Matches(endpoint, options)) bits[index >> 6] |= 1UL << (index & 63);
        }
        cls.PeerBits = bits;
        if (cls.Exempt) return cls;
        var policyEgress = new List<CompiledRule>();
        var policyIngress = new List<CompiledRule>();
        var inNamespace = endpoint.Namespace is { } ns && _networkPoliciesByNamespace.TryGetValue(ns, out var found) ? found : [];
        foreach (var (policy, ingress, egress) in inNamespace.Select(i => _networkPolicies[i]))
        {
            if (!policy.PodSelector.Matches(endpoint.Labels)) continue;
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
