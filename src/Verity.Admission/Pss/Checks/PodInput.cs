using k8s.Models;

namespace Verity.Admission.Pss.Checks;

/// <summary>
/// A pod as the checks read it, after API-server defaulting (<see cref="PodDefaults"/>): its annotations, its spec and
/// every container in upstream <c>visitContainers</c> order — initContainers, containers, then ephemeralContainers
/// (the ephemeral ones viewed as <see cref="V1Container"/>, as upstream casts <c>EphemeralContainerCommon</c>).
/// </summary>
internal sealed record PodInput(IReadOnlyDictionary<string, string> Annotations, V1PodSpec Spec, IReadOnlyList<V1Container> Containers)
{
    /// <summary><c>spec.os.name == "windows"</c>: the restricted checks that cannot apply to Windows skip it from v1.25.</summary>
    public bool IsWindows => Spec.Os?.Name == "windows";

    public static PodInput From(IDictionary<string, string>? annotations, V1PodSpec spec)
    {
        var containers = new List<V1Container>();
        containers.AddRange(spec.InitContainers ?? []);
        containers.AddRange(spec.Containers ?? []);
        foreach (var e in spec.EphemeralContainers ?? [])
        {
            containers.Add(new V1Container
            {
                Name = e.Name,
                Image = e.Image,
                Ports = e.Ports,
                SecurityContext = e.SecurityContext,
                LivenessProbe = e.LivenessProbe,
                ReadinessProbe = e.ReadinessProbe,
                StartupProbe = e.StartupProbe,
                Lifecycle = e.Lifecycle,
            });
        }
        var copy = annotations is null ? new Dictionary<string, string>() : new Dictionary<string, string>(annotations, StringComparer.Ordinal);
        return new PodInput(copy, spec, containers);
    }
}
