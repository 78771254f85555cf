using Verity.Network.Model;

namespace Verity.Network.Flows;

/// <summary>
/// An observed endpoint mapped onto the snapshot. <see cref="Id"/> is the workload's id
/// (<c>namespace/kind/name</c>, kind in lower case), the IP of an external peer, <c>host:IP</c> for node traffic,
/// or <c>namespace/pod</c> for an unmapped pod. <see cref="Endpoint"/> is the endpoint the engine evaluates for it
/// (one of the workload's pods, its pod template, or the external address); null for host and unmapped peers.
/// </summary>
public sealed record FlowPeer(FlowPeerKind Kind, string Id, string? Namespace, Endpoint? Endpoint);
