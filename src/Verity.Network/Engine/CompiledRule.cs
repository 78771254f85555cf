using Verity.Network.Policies;

namespace Verity.Network.Engine;

/// <summary>
/// A rule flattened for the engine: the global indexes of its peers (empty with <see cref="AnyPeer"/> means
/// every peer), its ports and, for cluster rules, its action.
/// </summary>
internal sealed record CompiledRule(int[] Peers, bool AnyPeer, IReadOnlyList<PortMatcher> Ports, ClusterAction Action)
{
    /// <summary>True when a port matcher needs the destination's named ports.</summary>
    public bool HasNamedPorts { get; } = Ports.Any(p => p.NamedPort is not null);
}
