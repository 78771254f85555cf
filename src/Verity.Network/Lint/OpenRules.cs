using Verity.Network.Policies;

namespace Verity.Network.Lint;

/// <summary>
/// The rules of a NetworkPolicy that are open to everything (lint rule VT-NPL-005): a rule with no
/// <c>from</c>/<c>to</c> (every source or destination, inside and outside the cluster), a peer with
/// <c>namespaceSelector: {}</c> alone (every pod of every namespace), or an ipBlock of <c>0.0.0.0/0</c> or
/// <c>::/0</c>. Needs no endpoints, so it is cheap on any cluster; the posture check VT-NET-005 uses it too.
/// </summary>
public static class OpenRules
{
    /// <summary>Each open rule or peer: its direction ("ingress"/"egress"), its field path and what it opens.</summary>
    public static IEnumerable<(string Direction, object[] Path, string Message)> Of(CompiledNetworkPolicy policy) =>
        Of("ingress", "from", policy.Ingress).Concat(Of("egress", "to", policy.Egress));

    private static IEnumerable<(string, object[], string)> Of(string direction, string peersField, IReadOnlyList<PolicyRule> rules)
    {
        foreach (var rule in rules)
        {
            object[] at = ["spec", direction, rule.Index];
            if (rule.Peers.Count == 0)
                yield return (direction, at, $"{direction} rule #{rule.Index} has no {peersField}: it allows {(direction == "ingress" ? "every source" : "every destination")}, inside and outside the cluster");
            for (var j = 0; j < rule.Peers.Count; j++)
            {
                object[] peerAt = [.. at, peersField, j];
                switch (rule.Peers[j])
                {
                    case PodPeer { PodSelector: null, NamespaceSelector.IsEverything: true }:
                        yield return (direction, peerAt, $"{direction} rule #{rule.Index} peer #{j} selects every pod in every namespace");
                        break;
                    case CidrPeer cidr when cidr.Cidrs.Any(c => c.PrefixLength == 0):
                        yield return (direction, peerAt, $"{direction} rule #{rule.Index} peer #{j} allows every address ({string.Join(", ", cidr.Cidrs)})");
                        break;
                }
            }
        }
    }
}
