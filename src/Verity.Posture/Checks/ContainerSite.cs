using k8s.Models;
using Verity.Core.Snapshots;

namespace Verity.Posture.Checks;

/// <summary>
/// One container of a workload's pod template with its field path (<c>…spec.initContainers[0]</c> or
/// <c>…spec.containers[1]</c>). Ephemeral containers are not part of templates and are not listed.
/// </summary>
internal sealed record ContainerSite(V1Container Container, bool IsInit, IReadOnlyList<object> Path)
{
    public string Name => string.IsNullOrEmpty(Container.Name) ? $"#{Path[^1]}" : Container.Name;

    /// <summary>"init container \"migrate\"" or "container \"web\"", for messages.</summary>
    public string Describe() => IsInit ? $"init container \"{Name}\"" : $"container \"{Name}\"";

    public IReadOnlyList<object> PathTo(params object[] more) => [.. Path, .. more];

    /// <summary>Init containers first (they run first), then app containers, in spec order.</summary>
    public static IEnumerable<ContainerSite> Of(Workload workload)
    {
        var spec = workload.Template.Spec;
        if (spec is null) yield break;
        var init = spec.InitContainers ?? [];
        for (var i = 0; i < init.Count; i++)
            if (init[i] is { } c) yield return new ContainerSite(c, true, PodSpecPath.Of(workload, "initContainers", i));
        var app = spec.Containers ?? [];
        for (var i = 0; i < app.Count; i++)
            if (app[i] is { } c) yield return new ContainerSite(c, false, PodSpecPath.Of(workload, "containers", i));
    }
}
