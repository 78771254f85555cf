namespace Verity.Network.Policies;

/// <summary>
/// One ClusterNetworkPolicy (or AdminNetworkPolicy/BaselineAdminNetworkPolicy) rule. Unlike NetworkPolicy,
/// <see cref="Peers"/> must be non-empty (an empty list matches nothing); <see cref="Ports"/> empty means
/// every port and protocol.
/// </summary>
public sealed record ClusterRule(int Index, string? Name, ClusterAction Action, IReadOnlyList<Peer> Peers, IReadOnlyList<PortMatcher> Ports)
{
    public string Label => string.IsNullOrEmpty(Name) ? $"#{Index}" : $"#{Index} \"{Name}\"";
}
