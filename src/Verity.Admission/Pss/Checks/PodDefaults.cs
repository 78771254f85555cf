using System.Reflection;
using k8s;
using k8s.Models;

namespace Verity.Admission.Pss.Checks;

/// <summary>
/// The API-server defaulting that changes a Pod Security verdict, applied to a copy before the checks run (PSA sees
/// objects after defaulting; an offline manifest has not been through it):
/// <list type="bullet">
/// <item>a volume with no source becomes <c>emptyDir: {}</c> (<c>SetDefaults_Volume</c>, pkg/apis/core/v1/defaults.go);</item>
/// <item>for Pods (not templates) with <c>hostNetwork: true</c>, a container port without <c>hostPort</c> gets
/// <c>hostPort = containerPort</c> (<c>SetDefaults_Pod</c> → <c>defaultHostNetworkPorts</c>; templates are no longer
/// defaulted since v1.28).</item>
/// </list>
/// The input is never mutated.
/// </summary>
internal static class PodDefaults
{
    private static readonly PropertyInfo[] VolumeSources = typeof(V1Volume).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.Name != nameof(V1Volume.Name) && p.CanRead).ToArray();

    public static V1PodSpec Apply(V1PodSpec spec, bool isPod)
    {
        var sourceless = (spec.Volumes ?? []).Any(HasNoSource);
        var hostNetworkPorts = isPod && spec.HostNetwork == true
            && (spec.Containers ?? []).Concat(spec.InitContainers ?? []).Any(c => (c.Ports ?? []).Any(p => p.HostPort is null or 0));
        if (!sourceless && !hostNetworkPorts) return spec;
        var copy = KubernetesJson.Deserialize<V1PodSpec>(KubernetesJson.Serialize(spec));
        foreach (var volume in copy.Volumes ?? [])
        {
            if (HasNoSource(volume)) volume.EmptyDir = new V1EmptyDirVolumeSource();
        }
        if (hostNetworkPorts)
        {
            foreach (var port in (copy.Containers ?? []).Concat(copy.InitContainers ?? []).SelectMany(c => c.Ports ?? []))
            {
                if (port.HostPort is null or 0) port.HostPort = port.ContainerPort;
            }
        }
        return copy;
    }

    private static bool HasNoSource(V1Volume volume) => VolumeSources.All(p => p.GetValue(volume) is null);
}
