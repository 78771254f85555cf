using System.Net;
using k8s.Models;
using Verity.Core.Model;
using Verity.Core.Selectors;
using Verity.Core.Snapshots;
using Verity.Network.Model;

namespace Verity.Network.Policies;

/// <summary>
/// Compiles networking.k8s.io/v1 NetworkPolicies (https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/).
/// Invalid parts are reported and evaluated fail-closed: an invalid selector selects nothing, an invalid
/// peer or port matches nothing.
/// </summary>
internal static class NetworkPolicyCompiler
{
    public static CompiledNetworkPolicy Compile(TypedObject<V1NetworkPolicy> typed, List<Diagnostic> diagnostics)
    {
        var source = typed.Object;
        var spec = typed.Value.Spec ?? new V1NetworkPolicySpec();
        var ns = source.Namespace!;
        // podSelector is a struct in the API, not a pointer: absent is the same as {} and selects every pod.
        var podSelector = Selector(source, spec.PodSelector ?? new V1LabelSelector(), ["spec", "podSelector"], diagnostics) ?? LabelSelector.Nothing;
        var types = spec.PolicyTypes;
        foreach (var (type, i) in (types ?? []).Select((t, i) => (t, i)).Where(x => x.t is not ("Ingress" or "Egress")))
            diagnostics.Add(PolicyDiagnostics.Invalid(source, ["spec", "policyTypes", i], $"unknown policy type \"{type}\" (Ingress or Egress)"));
        // The API server defaults policyTypes when it is empty, not only when absent (len == 0 in
        // pkg/apis/networking/v1/defaults.go SetDefaults_NetworkPolicy): `policyTypes: []` is [Ingress](+Egress).
        var defaulted = types is null or { Count: 0 };
        var ingress = defaulted || types!.Contains("Ingress");
        var egress = defaulted ? spec.Egress is { Count: > 0 } : types!.Contains("Egress");
        return new CompiledNetworkPolicy(source, ns, podSelector, ingress, egress,
            Rules(source, ns, "ingress", "from", spec.Ingress?.Select(r => ((IList<V1NetworkPolicyPeer>?)r.FromProperty, (IList<V1NetworkPolicyPort>?)r.Ports)), diagnostics),
            Rules(source, ns, "egress", "to", spec.Egress?.Select(r => ((IList<V1NetworkPolicyPeer>?)r.To, (IList<V1NetworkPolicyPort>?)r.Ports)), diagnostics));
    }

    private static List<PolicyRule> Rules(KubeObject source, string ns, string direction, string peersField,
        IEnumerable<(IList<V1NetworkPolicyPeer>? Peers, IList<V1NetworkPolicyPort>? Ports)>? rules, List<Diagnostic> diagnostics)
    {
        var result = new List<PolicyRule>();
        var index = 0;
        foreach (var (peers, ports) in rules ?? [])
        {
            object[] at = ["spec", direction, index];
            result.Add(new PolicyRule(index,
                (peers ?? []).Select((p, j) => Peer(source, ns, p, [.. at, peersField, j], diagnostics)).ToList(),
                (ports ?? []).Select((p, j) => Port(source, p, [.. at, "ports", j], diagnostics)).ToList()));
            index++;
        }
        return result;
    }

    private static Peer Peer(KubeObject source, string ns, V1NetworkPolicyPeer peer, object[] at, List<Diagnostic> diagnostics)
    {
        if (peer.IpBlock is { } block)
        {
            if (peer.PodSelector is not null || peer.NamespaceSelector is not null)
            {
                diagnostics.Add(PolicyDiagnostics.Invalid(source, at, "ipBlock cannot be combined with podSelector or namespaceSelector"));
                return new NoPeer("an invalid peer (ipBlock with a selector)");
            }
            if (!Cidrs.TryParse(block.Cidr, out var cidr))
            {
                diagnostics.Add(PolicyDiagnostics.Invalid(source, [.. at, "ipBlock", "cidr"], $"invalid CIDR \"{block.Cidr}\""));
                return new NoPeer($"an invalid ipBlock \"{block.Cidr}\"");
            }
            var except = new List<IPNetwork>();
            foreach (var (text, k) in (block.Except ?? []).Select((t, k) => (t, k)))
            {
                if (Cidrs.TryParse(text, out var e)) except.Add(e);
                else diagnostics.Add(PolicyDiagnostics.Invalid(source, [.. at, "ipBlock", "except", k], $"invalid CIDR \"{text}\""));
            }
            return new CidrPeer([cidr], except, IsIpBlock: true);
        }
        if (peer.PodSelector is null && peer.NamespaceSelector is null)
        {
            diagnostics.Add(PolicyDiagnostics.Invalid(source, at, "a peer needs podSelector, namespaceSelector or ipBlock"));
            return new NoPeer("an empty peer");
        }
        var pods = peer.PodSelector is null ? null : Selector(source, peer.PodSelector, [.. at, "podSelector"], diagnostics);
        var namespaces = peer.NamespaceSelector is null ? null : Selector(source, peer.NamespaceSelector, [.. at, "namespaceSelector"], diagnostics);
        if (peer.PodSelector is not null && pods is null || peer.NamespaceSelector is not null && namespaces is null)
            return new NoPeer("a peer with an invalid selector");
        return new PodPeer(pods, namespaces, ns);
    }

    private static PortMatcher Port(KubeObject source, V1NetworkPolicyPort port, object[] at, List<Diagnostic> diagnostics)
    {
        if (!ProtocolNames.TryParse(port.Protocol, out var protocol))
        {
            diagnostics.Add(PolicyDiagnostics.Invalid(source, [.. at, "protocol"], $"unknown protocol \"{port.Protocol}\" (TCP, UDP or SCTP)"));
            return new PortMatcher(protocol, NamedPort: "\0invalid");
        }
        var value = port.Port?.Value;
        if (string.IsNullOrEmpty(value)) return new PortMatcher(protocol);
        if (int.TryParse(value, out var number))
        {
            if (port.EndPort is int end && end < number)
                diagnostics.Add(PolicyDiagnostics.Invalid(source, [.. at, "endPort"], $"endPort {end} is less than port {number}"));
            return new PortMatcher(protocol, number, port.EndPort);
        }
        if (port.EndPort is not null)
            diagnostics.Add(PolicyDiagnostics.Invalid(source, [.. at, "endPort"], "endPort needs a numeric port"));
        return new PortMatcher(protocol, NamedPort: value);
    }

    internal static LabelSelector? Selector(KubeObject source, V1LabelSelector selector, object[] at, List<Diagnostic> diagnostics)
    {
        var result = LabelSelector.FromApi(selector);
        if (result.Succeeded) return result.Selector;
        foreach (var error in result.Errors) diagnostics.Add(PolicyDiagnostics.Invalid(source, at, error));
        return null;
    }
}
