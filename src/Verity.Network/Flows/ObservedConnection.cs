using Verity.Network.Model;

namespace Verity.Network.Flows;

/// <summary>
/// Observed flows aggregated per source, destination, port and protocol (replies excluded): how many flows, the
/// verdicts the capture reported, and whether it is DNS to the cluster's DNS service.
/// </summary>
public sealed record ObservedConnection(FlowPeer From, FlowPeer To, int? Port, Protocol? Protocol, long Count, IReadOnlyList<string> Verdicts, bool IsDns);
