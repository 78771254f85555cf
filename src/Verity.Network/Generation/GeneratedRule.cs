namespace Verity.Network.Generation;

/// <summary>One ingress (<c>from</c>) or egress (<c>to</c>) rule: these peers on these ports.</summary>
public sealed record GeneratedRule(IReadOnlyList<GeneratedPeer> Peers, IReadOnlyList<GeneratedPort> Ports);
