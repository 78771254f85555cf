using System.Text;
using Verity.Core.Snapshots;
using Verity.Network.Evaluation;
using Verity.Network.Model;
using Verity.Network.Policies;

namespace Verity.Posture.Isolation;

/// <summary>
/// Decides, from what the network engine says about connections, whether pods are isolated.
/// <para>
/// <b>Definition.</b> An endpoint is <em>isolated for ingress</em> when neither probe of
/// <see cref="IsolationProbes.Peers"/> (a pod in a namespace no policy names, an address outside the cluster)
/// can connect to it on any port and protocol that no rule applying to it names — that is, when what is not
/// explicitly allowed is denied. It is <em>isolated for egress</em> likewise for connections from it to the
/// probes. The verdict for each port comes from <see cref="ReachabilityEvaluator"/>, so every tier counts:
/// a NetworkPolicy selecting the pod, an Admin-tier Deny, a Baseline-tier default deny.
/// </para>
/// <para>
/// "Names a port" means a rule's port entry with a number, a range or a port name (resolved on the
/// destination) — not an entry that gives only a protocol, which stands for every port of it. So
/// <c>ingress: [{}]</c> or <c>ports: [{}]</c> with no peers leaves the pod open; a default-deny plus
/// "443 from anywhere" leaves it isolated (the open rule is VT-NET-005's concern). The answer is exact, not
/// sampled: the ports are cut into ranges at every bound of every applying rule's ports and every declared
/// container port, and within such a range every port gets the same verdict, so one port per range is
/// evaluated, for TCP, UDP and SCTP.
/// </para>
/// Host-network pods are never isolated (NetworkPolicy does not apply to them) and are left out of counts.
/// One analyzer serves one snapshot; it caches verdicts per equivalence class (namespace, labels, ports).
/// </summary>
internal sealed class IsolationAnalyzer
{
    private static readonly Protocol[] Protocols = [Protocol.TCP, Protocol.UDP, Protocol.SCTP];
    private const int MaxPort = 65535;

    private readonly Snapshot _snapshot;
    private readonly NetworkModel _model;
    private readonly Dictionary<string, NetworkModel> _byNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Key, Direction Direction), IsolationVerdict> _cache = [];
    private readonly ILookup<string, Endpoint> _targets;

    public IsolationAnalyzer(Snapshot snapshot)
    {
        _snapshot = snapshot;
        _model = NetworkModel.FromSnapshot(snapshot);
        _targets = _model.Endpoints.Where(e => e.IsPolicyTarget).ToLookup(e => e.Namespace, StringComparer.Ordinal);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Snapshot, IsolationAnalyzer> PerSnapshot = new();

    /// <summary>
    /// The analyzer of a snapshot, built once and shared by every check of a scan (the snapshot is immutable, so
    /// this is a memo, not shared state: the network model is compiled once instead of once per check).
    /// Not thread-safe: a scan runs its checks one after another.
    /// </summary>
    public static IsolationAnalyzer For(Snapshot snapshot) => PerSnapshot.GetValue(snapshot, s => new IsolationAnalyzer(s));

    public NetworkModel Model => _model;

    /// <summary>The endpoints of <paramref name="ns"/> that NetworkPolicy applies to (not host-network), in catalog order.</summary>
    public IEnumerable<Endpoint> Targets(string ns) => _targets[ns];

    public IsolationVerdict Check(Endpoint endpoint, Direction direction)
    {
        if (!endpoint.IsPolicyTarget) return new IsolationVerdict(false, "uses the host network: NetworkPolicy does not apply to it");
        var key = (ClassKey(endpoint), direction);
        if (!_cache.TryGetValue(key, out var verdict)) _cache[key] = verdict = Decide(endpoint, direction);
        return verdict;
    }

    /// <summary>Whether a new pod with no labels in <paramref name="ns"/> would be isolated in <paramref name="direction"/>.</summary>
    public IsolationVerdict CheckNewPod(string ns, Direction direction) => Check(NewPod(ns), direction);

    public NamespaceIsolation Summarize(string ns)
    {
        var targets = Targets(ns).ToList();
        return new NamespaceIsolation(ns,
            new IsolationShare(targets.Count(e => Check(e, Direction.Ingress).Isolated), targets.Count),
            new IsolationShare(targets.Count(e => Check(e, Direction.Egress).Isolated), targets.Count),
            CheckNewPod(ns, Direction.Ingress).Isolated && CheckNewPod(ns, Direction.Egress).Isolated);
    }

    private Endpoint NewPod(string ns) =>
        IsolationProbes.NewPod(ns, _snapshot.Namespace(ns)?.Labels ?? new Dictionary<string, string> { [NamespaceInfo.NameLabel] = ns });

    private IsolationVerdict Decide(Endpoint endpoint, Direction direction)
    {
        var model = ModelFor(endpoint.Namespace);
        var ports = ApplyingPorts(model, endpoint, direction);
        var open = new List<(string Peer, string Ports, ExplainStep Reason)>();
        foreach (var (probe, description) in IsolationProbes.Peers)
        {
            var destination = direction == Direction.Ingress ? endpoint : probe;
            var ranges = new List<(Protocol Protocol, int From, int To)>();
            ExplainStep? reason = null;
            foreach (var protocol in Protocols)
            {
                foreach (var (from, to) in Ranges(ports, destination, protocol))
                {
                    if (ports.Any(p => Names(p, destination, from, protocol))) continue;
                    var verdict = direction == Direction.Ingress
                        ? ReachabilityEvaluator.Evaluate(model, probe, endpoint, from, protocol).Ingress
                        : ReachabilityEvaluator.Evaluate(model, endpoint, probe, from, protocol).Egress;
                    if (!verdict.Allowed) continue;
                    if (ranges.Count > 0 && ranges[^1] is var last && last.Protocol == protocol && last.To == from - 1) ranges[^1] = last with { To = to };
                    else ranges.Add((protocol, from, to));
                    reason ??= verdict.Steps[^1];
                }
            }
            if (reason is not null) open.Add((description, DescribePorts(ranges), reason));
        }
        if (open.Count == 0) return IsolationVerdict.Yes;

        var (preposition, verb) = direction == Direction.Ingress ? ("from", "accepts connections") : ("to", "can connect");
        var parts = open.GroupBy(o => (o.Ports, Reason: Describe(o.Reason)))
            .Select(g => $"{preposition} {string.Join($" and {preposition} ", g.Select(o => o.Peer))} on {g.Key.Ports} — {g.Key.Reason}");
        return new IsolationVerdict(false, $"{verb} {string.Join("; ", parts)}", open[0].Reason);
    }

    /// <summary>The namespace's NetworkPolicies and every cluster policy: all that can decide for a pod of <paramref name="ns"/>.</summary>
    private NetworkModel ModelFor(string ns)
    {
        if (_byNamespace.TryGetValue(ns, out var model)) return model;
        var policies = _model.Policies;
        model = _model with
        {
            Policies = new PolicySet(policies.NetworkPolicies.Where(p => p.Namespace == ns).ToList(), policies.ClusterPolicies, []),
        };
        return _byNamespace[ns] = model;
    }

    /// <summary>Every port entry of every rule that applies to <paramref name="endpoint"/> in <paramref name="direction"/>.</summary>
    private static List<PortMatcher> ApplyingPorts(NetworkModel model, Endpoint endpoint, Direction direction)
    {
        var ingress = direction == Direction.Ingress;
        var ports = new List<PortMatcher>();
        foreach (var policy in model.Policies.NetworkPolicies)
        {
            if (policy.Namespace != endpoint.Namespace || !(ingress ? policy.AffectsIngress : policy.AffectsEgress) || !policy.PodSelector.Matches(endpoint.Labels)) continue;
            ports.AddRange((ingress ? policy.Ingress : policy.Egress).SelectMany(r => r.Ports));
        }
        foreach (var policy in model.Policies.ClusterPolicies.Where(p => p.Subject.Matches(endpoint, model.Options)))
            ports.AddRange((ingress ? policy.Ingress : policy.Egress).SelectMany(r => r.Ports));
        return ports;
    }

    /// <summary>
    /// Cuts 1–65535 into ranges in which every port matches the same port entries: bounds at each entry's
    /// first and last port and at each declared container port of the destination (where named ports resolve).
    /// </summary>
    private static IEnumerable<(int From, int To)> Ranges(List<PortMatcher> ports, Endpoint destination, Protocol protocol)
    {
        var bounds = new SortedSet<int> { 1 };
        foreach (var port in ports.Where(p => p.Protocol == protocol && p.Port is not null))
        {
            bounds.Add(port.Port!.Value);
            bounds.Add((port.EndPort ?? port.Port.Value) + 1);
        }
        foreach (var declared in destination.Ports.Where(p => p.Protocol == protocol))
        {
            bounds.Add(declared.Number);
            bounds.Add(declared.Number + 1);
        }
        var starts = bounds.Where(b => b is >= 1 and <= MaxPort).ToList();
        for (var i = 0; i < starts.Count; i++)
            yield return (starts[i], i + 1 < starts.Count ? starts[i + 1] - 1 : MaxPort);
    }

    /// <summary>True when <paramref name="port"/> names <paramref name="number"/> explicitly (a number, range or port name).</summary>
    private static bool Names(PortMatcher port, Endpoint destination, int number, Protocol protocol) =>
        (port.Port is not null || port.NamedPort is not null) && port.Matches(destination, number, protocol);

    /// <summary>"any port", or per protocol "any TCP port" / "TCP ports 1-8079, 8081-65535".</summary>
    private static string DescribePorts(List<(Protocol Protocol, int From, int To)> ranges)
    {
        var byProtocol = ranges.GroupBy(r => r.Protocol).ToList();
        if (byProtocol.Count == Protocols.Length && byProtocol.All(Whole)) return "any port";
        return string.Join(", ", byProtocol.Select(g => Whole(g)
            ? $"any {g.Key} port"
            : $"{g.Key} port{(g.Count() == 1 && g.First().From == g.First().To ? "" : "s")} {string.Join(", ", g.Select(r => r.From == r.To ? $"{r.From}" : $"{r.From}-{r.To}"))}"));

        static bool Whole(IEnumerable<(Protocol Protocol, int From, int To)> group) =>
            group.Count() == 1 && group.First() is { From: 1, To: MaxPort };
    }

    private static string Describe(ExplainStep step) => step.Policy is null ? step.Message : $"{step.Policy}: {step.Message}";

    /// <summary>Endpoints that every policy treats alike in one namespace: same labels, declared ports and host networking.</summary>
    private static string ClassKey(Endpoint endpoint)
    {
        var key = new StringBuilder(endpoint.Namespace).Append('\n');
        foreach (var (name, value) in endpoint.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)) key.Append(name).Append('=').Append(value).Append('\n');
        key.Append('|');
        foreach (var port in endpoint.Ports) key.Append(port.Name).Append('/').Append(port.Number).Append('/').Append(port.Protocol).Append(';');
        return key.ToString();
    }
}
