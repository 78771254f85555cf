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

    /// <summary>Id of this rule's list of port matchers among the engine's distinct lists; -1 when it has none (every port).</summary>
    public int PortSet { get; init; } = -1;
}
