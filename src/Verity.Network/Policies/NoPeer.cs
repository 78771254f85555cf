using Verity.Network.Model;

namespace Verity.Network.Policies;

/// <summary>A peer that matches nothing: invalid, or of a kind Verity cannot evaluate (nodes, domainNames).</summary>
public sealed record NoPeer(string Reason) : Peer
{
    public override bool Matches(Endpoint endpoint, NetworkOptions options) => false;

    public override string Describe() => Reason;
}
