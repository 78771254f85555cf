using System.Net;
using k8s.Models;
using Verity.Core.Snapshots;

namespace Verity.Network.Model;

/// <summary>
/// The endpoints of a snapshot: every pod (dumps carry their IPs in <c>status.podIP(s)</c>), and for a
/// workload with no pod in the snapshot (plain manifests) one endpoint for its pod template, named
/// <c>namespace/kind/name</c> with the kind in lower case, e.g. <c>shop/deployment/api</c>.
/// </summary>
public static class EndpointCatalog
{
    public static IReadOnlyList<Endpoint> FromSnapshot(Snapshot snapshot)
    {
        var endpoints = new List<Endpoint>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pod in snapshot.Pods)
        {
            var ns = pod.Object.Namespace!;
            endpoints.Add(new Endpoint
            {
                Id = $"{ns}/{pod.Object.Name}",
                Kind = EndpointKind.Pod,
                Namespace = ns,
                Labels = pod.Object.Labels,
                NamespaceLabels = NamespaceLabels(snapshot, ns),
                Addresses = Addresses(pod.Value.Status),
                Ports = Ports(pod.Value.Spec),
                HostNetwork = pod.Value.Spec?.HostNetwork == true,
                Source = pod.Object,
                Workload = snapshot.WorkloadOf(pod.Object),
            });
        }
        foreach (var workload in snapshot.Workloads.Where(w => w.Pods.Count == 0))
        {
            var labels = workload.Template.Metadata?.Labels is { } l ? new Dictionary<string, string>(l) : new Dictionary<string, string>();
            if (!covered.Add(workload.Ref.Display)) continue;
            endpoints.Add(new Endpoint
            {
                Id = WorkloadId(workload),
                Kind = EndpointKind.Workload,
                Namespace = workload.Namespace,
                Labels = labels,
                NamespaceLabels = NamespaceLabels(snapshot, workload.Namespace),
                Ports = Ports(workload.Template.Spec),
                HostNetwork = workload.Template.Spec?.HostNetwork == true,
                Source = workload.Object,
                Workload = workload,
            });
        }
        return endpoints;
    }

    /// <summary>A workload's id: <c>namespace/kind/name</c> with the kind in lower case, e.g. <c>shop/deployment/api</c>.</summary>
    public static string WorkloadId(Workload workload) => $"{workload.Namespace}/{workload.Kind.ToLowerInvariant()}/{workload.Name}";

    private static IReadOnlyDictionary<string, string> NamespaceLabels(Snapshot snapshot, string ns) =>
        snapshot.Namespace(ns)?.Labels ?? new Dictionary<string, string> { [NamespaceInfo.NameLabel] = ns };

    private static IReadOnlyList<IPAddress> Addresses(V1PodStatus? status)
    {
        var result = new List<IPAddress>();
        foreach (var text in (status?.PodIPs?.Select(p => p.Ip) ?? []).Append(status?.PodIP))
        {
            if (IPAddress.TryParse(text, out var ip) && !result.Contains(ip)) result.Add(ip);
        }
        return result;
    }

    /// <summary>Container ports of regular and init containers (sidecars declared as init containers serve too).</summary>
    private static IReadOnlyList<ContainerPortInfo> Ports(V1PodSpec? spec)
    {
        var containers = (spec?.Containers ?? []).Concat(spec?.InitContainers ?? []);
        return containers.SelectMany(c => c.Ports ?? [])
            .Select(p => new ContainerPortInfo(string.IsNullOrEmpty(p.Name) ? null : p.Name, p.ContainerPort,
                ProtocolNames.TryParse(p.Protocol, out var protocol) ? protocol : Protocol.TCP))
            .ToList();
    }
}
