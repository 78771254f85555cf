using Verity.Network.Model;

namespace Verity.Network.Policies;

/// <summary>
/// One port entry of a rule (NetworkPolicyPort, or a ClusterNetworkPolicy protocol entry). Exactly as the
/// API reference says: the protocol defaults to TCP; no port means every port of that protocol (so
/// <c>ports: [{}]</c> is "all TCP ports"); <c>endPort</c> makes an inclusive range; a named port is looked up
/// on the <em>destination</em> pod — for ingress and for egress rules alike — and matches when that pod
/// declares a container port of that name and protocol whose number is the connection's port.
/// An external destination has no named ports.
/// </summary>
public sealed record PortMatcher(Protocol Protocol, int? Port = null, int? EndPort = null, string? NamedPort = null)
{
    public bool Matches(Endpoint destination, int port, Protocol protocol)
    {
        if (protocol != Protocol) return false;
        if (NamedPort is not null)
            return destination.Ports.Any(p => p.Name == NamedPort && p.Protocol == protocol && p.Number == port);
        if (Port is not int first) return true;
        return port >= first && port <= (EndPort ?? first);
    }

    public override string ToString()
    {
        var what = NamedPort ?? (Port is int p ? EndPort is int e ? $"{p}-{e}" : $"{p}" : "any port");
        return $"{what}/{Protocol}";
    }
}
