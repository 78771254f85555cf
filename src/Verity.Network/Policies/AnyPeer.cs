using Verity.Network.Model;

namespace Verity.Network.Policies;

/// <summary>
/// Matches every endpoint. Used to fail closed: a cluster policy peer of an unknown type in a Deny or Pass
/// rule is "deny all", as the network-policy-api types prescribe.
/// </summary>
public sealed record AnyPeer(string Reason) : Peer
{
    public override bool Matches(Endpoint endpoint, NetworkOptions options) => true;

    public override string Describe() => Reason;
}
