using System.Net;
using System.Text.Json;
using k8s;
using k8s.Models;
using Verity.Core.Model;
using Verity.Core.Selectors;
using Verity.Network.Model;

namespace Verity.Network.Policies;

/// <summary>
/// Compiles cluster-scoped network policies from their raw objects (they are CRDs, without k8s.Models types):
/// ClusterNetworkPolicy policy.networking.k8s.io/v1alpha2 (kubernetes-sigs/network-policy-api
/// apis/v1alpha2/clusternetworkpolicy_types.go: tier, priority, subject, rules with Accept/Deny/Pass,
/// peers namespaces/pods/networks, protocols tcp/udp/sctp with destinationPort number or range, or
/// destinationNamedPort), and the older v1alpha1 AdminNetworkPolicy / BaselineAdminNetworkPolicy
/// (Allow/Deny/Pass; ports portNumber/namedPort/portRange). Peers Verity cannot evaluate (nodes,
/// domainNames) match nothing, reported once. An unknown peer type fails closed: nothing for Accept,
/// everything for Deny, and a Pass rule with one becomes a Deny.
/// </summary>
internal sealed class ClusterPolicyCompiler(KubeObject source, List<Diagnostic> diagnostics)
{
    public static bool IsClusterPolicy(KubeObject obj) =>
        obj.Ref.Group == "policy.networking.k8s.io" && obj.Kind is "ClusterNetworkPolicy" or "AdminNetworkPolicy" or "BaselineAdminNetworkPolicy";

    public CompiledClusterPolicy? Compile()
    {
        if (!Object(source.Raw, "spec", ["spec"], out var spec)) return null;
        var (tier, legacy) = source.Kind switch
        {
            "AdminNetworkPolicy" => (ClusterTier.Admin, true),
            "BaselineAdminNetworkPolicy" => (ClusterTier.Baseline, true),
            _ => (Tier(spec), false),
        };
        if (tier is not ClusterTier t) return null;
        var priority = 0;
        if (source.Kind != "BaselineAdminNetworkPolicy")
        {
            if (!spec.TryGetProperty("priority", out var p) || p.ValueKind != JsonValueKind.Number || !p.TryGetInt32(out priority) || priority is < 0 or > 1000)
            {
                Report(["spec", "priority"], "priority must be an integer from 0 to 1000");
                return null;
            }
        }
        if (Subject(spec) is not { } subject) return null;
        return new CompiledClusterPolicy(source, t, priority, subject,
            Rules(spec, "ingress", "from", legacy), Rules(spec, "egress", "to", legacy));
    }

    private ClusterTier? Tier(JsonElement spec)
    {
        var text = spec.TryGetProperty("tier", out var tier) && tier.ValueKind == JsonValueKind.String ? tier.GetString() : null;
        switch (text)
        {
            case "Admin": return ClusterTier.Admin;
            case "Baseline": return ClusterTier.Baseline;
            default:
                Report(["spec", "tier"], $"tier must be Admin or Baseline, found {(text is null ? "none" : $"\"{text}\"")}");
                return null;
        }
    }

    private PodPeer? Subject(JsonElement spec)
    {
        if (!Object(spec, "subject", ["spec", "subject"], out var subject)) return null;
        var peer = PodOrNamespacePeer(subject, ["spec", "subject"]);
        if (peer is PodPeer pods) return pods;
        Report(["spec", "subject"], "subject must set exactly one of namespaces or pods");
        return null;
    }

    private List<ClusterRule> Rules(JsonElement spec, string direction, string peersField, bool legacy)
    {
        var rules = new List<ClusterRule>();
        if (!spec.TryGetProperty(direction, out var list) || list.ValueKind == JsonValueKind.Null) return rules;
        if (list.ValueKind != JsonValueKind.Array)
        {
            Report(["spec", direction], "must be a list of rules");
            return rules;
        }
        var index = 0;
        foreach (var rule in list.EnumerateArray())
        {
            object[] at = ["spec", direction, index];
            var name = rule.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            var actionText = rule.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            ClusterAction? action = (actionText, legacy) switch
            {
                ("Accept", false) or ("Allow", true) => ClusterAction.Accept,
                ("Deny", _) => ClusterAction.Deny,
                ("Pass", _) when source.Kind != "BaselineAdminNetworkPolicy" => ClusterAction.Pass,
                _ => null,
            };
            if (action is not ClusterAction act)
            {
                var allowed = legacy ? source.Kind == "BaselineAdminNetworkPolicy" ? "Allow or Deny" : "Allow, Deny or Pass" : "Accept, Deny or Pass";
                Report([.. at, "action"], $"action must be {allowed}, found {(actionText is null ? "none" : $"\"{actionText}\"")}; the rule is ignored");
                index++;
                continue;
            }
            var peers = Peers(rule, peersField, [.. at, peersField], act);
            // Fail closed: for Deny and Pass rules an unknown peer means "treat the rule as a 'Deny all' rule"
            // (v1alpha2 ClusterNetworkPolicyIngressPeer/EgressPeer). A Pass matching everything would fail open.
            if (act == ClusterAction.Pass && peers.Any(p => p is AnyPeer)) act = ClusterAction.Deny;
            var ports = legacy ? LegacyPorts(rule, [.. at, "ports"]) : Protocols(rule, [.. at, "protocols"]);
            rules.Add(new ClusterRule(index, name, act, peers, ports));
            index++;
        }
        return rules;
    }

    private List<Peer> Peers(JsonElement rule, string field, object[] at, ClusterAction action)
    {
        var peers = new List<Peer>();
        if (!rule.TryGetProperty(field, out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            Report(at, $"{field} must list at least one peer; the rule matches nothing");
            return peers;
        }
        var index = 0;
        foreach (var peer in list.EnumerateArray())
        {
            object[] here = [.. at, index++];
            if (peer.ValueKind == JsonValueKind.Object && peer.TryGetProperty("networks", out var networks))
            {
                peers.Add(Networks(networks, [.. here, "networks"]));
                continue;
            }
            if (peer.ValueKind == JsonValueKind.Object && (peer.TryGetProperty("nodes", out _) || peer.TryGetProperty("domainNames", out _)))
            {
                var kind = peer.TryGetProperty("nodes", out _) ? "nodes" : "domainNames";
                Report([.. here, kind], $"{kind} peers are not evaluated (the snapshot has no node addresses or DNS answers); this peer matches nothing", DiagnosticLevel.Warning);
                peers.Add(new NoPeer($"{kind} (not evaluated)"));
                continue;
            }
            if (peer.ValueKind == JsonValueKind.Object && PodOrNamespacePeer(peer, here) is { } known)
            {
                peers.Add(known);
                continue;
            }
            Report(here, "unknown peer type; failing closed");
            peers.Add(action == ClusterAction.Accept ? new NoPeer("an unknown peer (fails closed)") : new AnyPeer("an unknown peer (fails closed: everything)"));
        }
        return peers;
    }

    /// <summary><c>namespaces: selector</c> (every pod there) or <c>pods: {namespaceSelector, podSelector}</c>; both selectors are structs, absent = empty = all.</summary>
    private Peer? PodOrNamespacePeer(JsonElement peer, object[] at)
    {
        var hasNamespaces = peer.TryGetProperty("namespaces", out var namespaces);
        var hasPods = peer.TryGetProperty("pods", out var pods);
        if (hasNamespaces == hasPods) return null;
        if (hasNamespaces)
            return Selector(namespaces, [.. at, "namespaces"]) is { } ns ? new PodPeer(null, ns, null) : new NoPeer("a peer with an invalid selector");
        var namespaceSelector = pods.TryGetProperty("namespaceSelector", out var nsel) ? Selector(nsel, [.. at, "pods", "namespaceSelector"]) : LabelSelector.Everything;
        var podSelector = pods.TryGetProperty("podSelector", out var psel) ? Selector(psel, [.. at, "pods", "podSelector"]) : LabelSelector.Everything;
        return namespaceSelector is null || podSelector is null ? new NoPeer("a peer with an invalid selector") : new PodPeer(podSelector, namespaceSelector, null);
    }

    private Peer Networks(JsonElement networks, object[] at)
    {
        var cidrs = new List<IPNetwork>();
        if (networks.ValueKind != JsonValueKind.Array)
        {
            Report(at, "networks must be a list of CIDRs; this peer matches nothing");
            return new CidrPeer(cidrs, [], IsIpBlock: false);
        }
        var index = 0;
        foreach (var item in networks.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && Cidrs.TryParse(item.GetString(), out var cidr)) cidrs.Add(cidr);
            else Report([.. at, index], $"invalid CIDR {item.GetRawText()}");
            index++;
        }
        return new CidrPeer(cidrs, [], IsIpBlock: false);
    }

    /// <summary>v1alpha2 <c>protocols</c>: tcp/udp/sctp with an optional destinationPort (number or range), or destinationNamedPort.</summary>
    private List<PortMatcher> Protocols(JsonElement rule, object[] at)
    {
        var result = new List<PortMatcher>();
        if (!rule.TryGetProperty("protocols", out var list) || list.ValueKind != JsonValueKind.Array) return result;
        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            object[] here = [.. at, index++];
            if (entry.TryGetProperty("destinationNamedPort", out var named) && named.ValueKind == JsonValueKind.String)
            {
                // A named port matches the container port's own protocol.
                foreach (var protocol in Enum.GetValues<Protocol>()) result.Add(new PortMatcher(protocol, NamedPort: named.GetString()));
                continue;
            }
            var (name, value) = entry.TryGetProperty("tcp", out var tcp) ? ("tcp", tcp)
                : entry.TryGetProperty("udp", out var udp) ? ("udp", udp)
                : entry.TryGetProperty("sctp", out var sctp) ? ("sctp", sctp) : ("", default);
            if (name == "")
            {
                Report(here, "a protocol entry needs tcp, udp, sctp or destinationNamedPort; it matches nothing");
                result.Add(new PortMatcher(Protocol.TCP, NamedPort: "\0invalid"));
                continue;
            }
            var protocolValue = Enum.Parse<Protocol>(name, ignoreCase: true);
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("destinationPort", out var port))
            {
                result.Add(new PortMatcher(protocolValue));
                continue;
            }
            if (port.TryGetProperty("number", out var number) && number.TryGetInt32(out var n)) result.Add(new PortMatcher(protocolValue, n));
            else if (port.TryGetProperty("range", out var range) && range.TryGetProperty("start", out var s) && s.TryGetInt32(out var start)
                && range.TryGetProperty("end", out var e) && e.TryGetInt32(out var end))
                result.Add(new PortMatcher(protocolValue, start, end));
            else
            {
                Report([.. here, name, "destinationPort"], "destinationPort needs number or range {start, end}; it matches nothing");
                result.Add(new PortMatcher(protocolValue, NamedPort: "\0invalid"));
            }
        }
        return result;
    }

    /// <summary>v1alpha1 <c>ports</c>: portNumber {protocol, port}, namedPort, or portRange {protocol, start, end}.</summary>
    private List<PortMatcher> LegacyPorts(JsonElement rule, object[] at)
    {
        var result = new List<PortMatcher>();
        if (!rule.TryGetProperty("ports", out var list) || list.ValueKind != JsonValueKind.Array) return result;
        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            object[] here = [.. at, index++];
            if (entry.TryGetProperty("namedPort", out var named) && named.ValueKind == JsonValueKind.String)
            {
                foreach (var protocol in Enum.GetValues<Protocol>()) result.Add(new PortMatcher(protocol, NamedPort: named.GetString()));
            }
            else if (entry.TryGetProperty("portNumber", out var number) && number.TryGetProperty("port", out var p) && p.TryGetInt32(out var port))
            {
                result.Add(new PortMatcher(LegacyProtocol(number, here), port));
            }
            else if (entry.TryGetProperty("portRange", out var range) && range.TryGetProperty("start", out var s) && s.TryGetInt32(out var start)
                && range.TryGetProperty("end", out var e) && e.TryGetInt32(out var end))
            {
                result.Add(new PortMatcher(LegacyProtocol(range, here), start, end));
            }
            else
            {
                Report(here, "a port needs portNumber, namedPort or portRange; it matches nothing");
                result.Add(new PortMatcher(Protocol.TCP, NamedPort: "\0invalid"));
            }
        }
        return result;
    }

    private Protocol LegacyProtocol(JsonElement entry, object[] at)
    {
        var text = entry.TryGetProperty("protocol", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        if (ProtocolNames.TryParse(text, out var protocol)) return protocol;
        Report([.. at, "protocol"], $"unknown protocol \"{text}\"; TCP assumed");
        return Protocol.TCP;
    }

    private LabelSelector? Selector(JsonElement element, object[] at)
    {
        try
        {
            var selector = KubernetesJson.Deserialize<V1LabelSelector>(element) ?? new V1LabelSelector();
            var result = LabelSelector.FromApi(selector);
            if (result.Succeeded) return result.Selector;
            foreach (var error in result.Errors) Report(at, error);
        }
        catch (JsonException)
        {
            Report(at, "must be a label selector (matchLabels, matchExpressions)");
        }
        return null;
    }

    private bool Object(JsonElement parent, string name, object[] at, out JsonElement value)
    {
        if (parent.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object) return true;
        Report(at, $"{name} must be a mapping");
        return false;
    }

    private void Report(object[] at, string message, DiagnosticLevel level = DiagnosticLevel.Error)
    {
        var diagnostic = PolicyDiagnostics.Invalid(source, at, message);
        diagnostics.Add(level == DiagnosticLevel.Error ? diagnostic : diagnostic with { Level = level });
    }
}
