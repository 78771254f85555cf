namespace Verity.Network.Model;

/// <summary>
/// The cluster's DNS server as policies see it: pods of namespace kube-system labelled <c>k8s-app=kube-dns</c>
/// (the label CoreDNS and kube-dns deployments carry), serving port 53 over UDP and TCP. When the input does not
/// hold them (manifests rarely include kube-system), <see cref="Assumed"/> stands for them. Its IP is unknown, so
/// only selectors, never ipBlocks, match it.
/// </summary>
public static class ClusterDns
{
    public static readonly Endpoint Assumed = new()
    {
        Id = "kube-system/kube-dns (assumed)",
        Kind = EndpointKind.Pod,
        Namespace = "kube-system",
        Labels = new Dictionary<string, string> { ["k8s-app"] = "kube-dns" },
        NamespaceLabels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "kube-system" },
        Ports = [new ContainerPortInfo("dns", 53, Protocol.UDP), new ContainerPortInfo("dns-tcp", 53, Protocol.TCP)],
    };

    public static bool IsDns(Endpoint endpoint) =>
        endpoint.Namespace == "kube-system" && endpoint.Labels.TryGetValue("k8s-app", out var app) && app == "kube-dns";

    /// <summary>A DNS pod of <paramref name="endpoints"/>, else <see cref="Assumed"/>.</summary>
    public static Endpoint In(IEnumerable<Endpoint> endpoints) => endpoints.FirstOrDefault(IsDns) ?? Assumed;
}
