using k8s.Models;

namespace Verity.Admission.Guardrails;

/// <summary>
/// One container of a pod spec as the guardrails read it: init, app or ephemeral, with its field path inside the
/// object (<c>spec.template.spec.initContainers[0]</c>). Ephemeral containers carry no resources (the API forbids
/// them), so <see cref="Resources"/> is null for them. Public because the shared rules (<c>Rules/</c>) that
/// <c>verity scan</c> uses too speak of containers in these terms.
/// </summary>
public sealed record ContainerSite(
    string Role, string Name, string? Image, V1ResourceRequirements? Resources, V1SecurityContext? SecurityContext, IReadOnlyList<object> Path)
{
    public bool IsEphemeral => Role == EphemeralRole;

    public const string InitRole = "init container";
    public const string AppRole = "container";
    public const string EphemeralRole = "ephemeral container";

    /// <summary>"init container \"migrate\"", for messages.</summary>
    public string Describe() => $"{Role} \"{Name}\"";

    public IReadOnlyList<object> PathTo(params object[] more) => [.. Path, .. more];

    /// <summary>Init containers first (they run first), then app containers, then ephemeral ones, each in spec order.</summary>
    public static IReadOnlyList<ContainerSite> Of(V1PodSpec spec, IReadOnlyList<object> specPath)
    {
        var sites = new List<ContainerSite>();
        Add(spec.InitContainers, "initContainers", InitRole);
        Add(spec.Containers, "containers", AppRole);
        var ephemeral = spec.EphemeralContainers ?? [];
        for (var i = 0; i < ephemeral.Count; i++)
        {
            if (ephemeral[i] is not { } e) continue;
            sites.Add(new ContainerSite(EphemeralRole, NameOf(e.Name, i), e.Image, null, e.SecurityContext, [.. specPath, "ephemeralContainers", i]));
        }
        return sites;

        void Add(IList<V1Container>? containers, string field, string role)
        {
            var list = containers ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not { } c) continue;
                sites.Add(new ContainerSite(role, NameOf(c.Name, i), c.Image, c.Resources, c.SecurityContext, [.. specPath, field, i]));
            }
        }
    }

    private static string NameOf(string? name, int index) => string.IsNullOrEmpty(name) ? $"#{index}" : name;
}
