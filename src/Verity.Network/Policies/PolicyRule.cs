namespace Verity.Network.Policies;

/// <summary>
/// One NetworkPolicy ingress or egress rule. <see cref="Peers"/> empty means every peer, including
/// addresses outside the cluster ("If this field is empty or missing, this rule matches all sources/
/// destinations"); <see cref="Ports"/> empty means every port and protocol.
/// </summary>
public sealed record PolicyRule(int Index, IReadOnlyList<Peer> Peers, IReadOnlyList<PortMatcher> Ports);
