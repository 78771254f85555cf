using System.Net;

namespace Verity.Network.Flows;

/// <summary>
/// One side of an observed flow as the capture names it: namespace and pod (when the capture knows them), IP,
/// labels (Hubble's <c>k8s:</c> source prefix removed) and, for Hubble, the Cilium identity. Hubble's
/// <c>reserved:</c> labels (world, host, remote-node, kube-apiserver) are kept with their prefix, so
/// <see cref="IsWorld"/> and <see cref="IsHost"/> can tell external and node traffic apart.
/// </summary>
public sealed record FlowEndpoint(string? Namespace, string? PodName, IPAddress? Address, IReadOnlyDictionary<string, string> Labels, long? Identity)
{
    public bool IsWorld => Labels.ContainsKey("reserved:world") || Identity == 2;
    public bool IsHost => Labels.ContainsKey("reserved:host") || Labels.ContainsKey("reserved:remote-node") || Identity is 1 or 6;
}
