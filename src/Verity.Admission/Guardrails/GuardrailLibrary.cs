using Verity.Admission.Guardrails.Checks;

namespace Verity.Admission.Guardrails;

/// <summary>The guardrail library: every guardrail Verity knows, in id order. See docs/guardrails.md.</summary>
public static class GuardrailLibrary
{
    internal static IReadOnlyList<IGuardrailCheck> Checks { get; } =
    [
        new AllowedRegistriesCheck(),
        new NoLatestTagCheck(),
        new DigestRequiredCheck(),
        new ResourcesCheck(),
        new RequiredLabelsCheck(),
        new NoDefaultServiceAccountCheck(),
        new NoTokenAutomountCheck(),
        new ReadOnlyRootFilesystemCheck(),
        new ExposedServicesCheck(),
        new PodSecurityLabelCheck(),
    ];

    public static IReadOnlyList<GuardrailPolicy> Policies { get; } = Checks.Select(c => c.Policy).ToList();

    public static GuardrailPolicy? Find(string id) => Policies.FirstOrDefault(p => p.Id == id);
}
