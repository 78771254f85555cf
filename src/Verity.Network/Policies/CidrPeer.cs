using System.Net;
using Verity.Network.Model;

namespace Verity.Network.Policies;

/// <summary>
/// An address range: a NetworkPolicy <c>ipBlock</c> (cidr minus except) or a cluster policy's
/// <c>networks</c>. External addresses match by their IP. Pods match by their IPs (when the snapshot knows
/// them) unless this is an ipBlock and <see cref="NetworkOptions.IpBlockMatchesPods"/> is off — the
/// implementations disagree (upstream e2e tests and Calico match pod IPs, Cilium does not); cluster policy
/// <c>networks</c> always match pod IPs, as that API specifies.
/// </summary>
public sealed record CidrPeer(IReadOnlyList<IPNetwork> Cidrs, IReadOnlyList<IPNetwork> Except, bool IsIpBlock) : Peer
{
    public override bool Matches(Endpoint endpoint, NetworkOptions options)
    {
        if (endpoint.Kind != EndpointKind.External && IsIpBlock && !options.IpBlockMatchesPods) return false;
        return endpoint.Addresses.Any(ip => Cidrs.Any(c => c.Contains(ip)) && !Except.Any(e => e.Contains(ip)));
    }

    public override string Describe()
    {
        var text = string.Join(", ", Cidrs);
        return Except.Count == 0 ? $"addresses in {text}" : $"addresses in {text} except {string.Join(", ", Except)}";
    }
}
