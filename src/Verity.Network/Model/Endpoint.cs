using System.Net;
using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Network.Model;

/// <summary>
/// One side of a connection: a pod, a workload's pod template standing for its pods, or an external IP.
/// <see cref="Namespace"/> and the labels are empty for external endpoints. A host-network pod is
/// outside NetworkPolicy: its traffic is the node's, so no policy isolates it and pod/namespace peers
/// never match it (the API reference: "host-networked pods are not included"); only CIDR peers match it,
/// by its IP.
/// </summary>
public sealed record Endpoint
{
    public required string Id { get; init; }
    public required EndpointKind Kind { get; init; }
    public string Namespace { get; init; } = "";
    public IReadOnlyDictionary<string, string> Labels { get; init; } = Empty;
    public IReadOnlyDictionary<string, string> NamespaceLabels { get; init; } = Empty;
    public IReadOnlyList<IPAddress> Addresses { get; init; } = [];
    public IReadOnlyList<ContainerPortInfo> Ports { get; init; } = [];
    public bool HostNetwork { get; init; }
    public KubeObject? Source { get; init; }

    /// <summary>The workload this endpoint belongs to (its owning workload for a pod, itself for a template).</summary>
    public Workload? Workload { get; init; }

    /// <summary>True for pods and workloads that NetworkPolicy applies to.</summary>
    public bool IsPolicyTarget => Kind != EndpointKind.External && !HostNetwork;

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    public static Endpoint External(IPAddress address) => new() { Id = address.ToString(), Kind = EndpointKind.External, Addresses = [address] };
}
