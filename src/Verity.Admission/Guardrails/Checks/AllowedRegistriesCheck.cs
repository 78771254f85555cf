using Verity.Admission.Guardrails.Rules;
using Verity.Admission.Images;

namespace Verity.Admission.Guardrails.Checks;

/// <summary>
/// VG-IMG-001: every image (init, app and ephemeral containers) comes from an allowed registry. An entry of
/// <c>registries</c> is a registry host (<c>ghcr.io</c>, <c>registry.internal:5000</c>) or a repository prefix
/// (<c>ghcr.io/example-shop</c>), matched on whole path components against the image's effective name — an image with
/// no registry is on <c>docker.io</c>, and official images are under <c>docker.io/library</c>, as the runtime resolves
/// them. Without a registry list there is nothing to check. References that do not parse are left to VG-IMG-002.
/// </summary>
internal sealed class AllowedRegistriesCheck : IGuardrailCheck
{
    public GuardrailPolicy Policy { get; } = new()
    {
        Id = GuardrailIds.AllowedRegistries,
        Title = "Images come from an allowed registry",
        AppliesTo = "Pods and pod templates (init, app and ephemeral containers)",
        Controls = [GuardrailControls.Cis551, GuardrailControls.NsaContainerImages],
        Parameters = ["registries"],
    };

    public IEnumerable<CheckFinding> Check(GuardrailSubject subject, PolicySettings settings)
    {
        if (settings.Registries.Count == 0) yield break;
        foreach (var (site, image, reference, _) in ContainerImage.Of(subject.Pod))
        {
            if (reference is null) continue;
            var name = FullName(reference);
            if (settings.Registries.Any(allowed => IsUnder(name, allowed))) continue;
            yield return new CheckFinding(
                $"{site.Describe()} image \"{image}\" is from {reference.EffectiveRegistry}, not an allowed registry ({string.Join(", ", settings.Registries)}); push the image to an allowed registry and reference it there",
                site.PathTo("image"));
        }
    }

    /// <summary><c>registry/repository</c> as the runtime pulls it: Docker Hub official images live under <c>library/</c>.</summary>
    internal static string FullName(ImageReference reference)
    {
        var repository = reference.Registry is null && !reference.Repository.Contains('/') ? $"library/{reference.Repository}" : reference.Repository;
        return $"{reference.EffectiveRegistry}/{repository}";
    }

    /// <summary>True when <paramref name="allowed"/> is <paramref name="name"/> or a prefix of it ending at a '/'.</summary>
    internal static bool IsUnder(string name, string allowed)
    {
        var prefix = allowed.TrimEnd('/');
        return name == prefix || name.StartsWith(prefix + "/", StringComparison.Ordinal);
    }
}
