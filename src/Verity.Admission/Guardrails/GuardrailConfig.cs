namespace Verity.Admission.Guardrails;

/// <summary>
/// A compiled policy config: settings for every guardrail of the library (the ones a config does not name keep their
/// defaults). <see cref="Default"/> is what applies without a config: every guardrail at
/// <see cref="GuardrailAction.Audit"/> except the opt-in digest guardrail, which is disabled; required labels default
/// to <c>app.kubernetes.io/name</c>; no registry list (so VG-IMG-001 has nothing to check); no namespace may expose
/// NodePort or LoadBalancer Services.
/// </summary>
public sealed record GuardrailConfig
{
    /// <summary>The label VG-META-001 requires when a config does not say otherwise (a Kubernetes recommended label).</summary>
    public const string DefaultRequiredLabel = "app.kubernetes.io/name";

    /// <summary>The config's <c>metadata.name</c>, or "default".</summary>
    public string Name { get; init; } = "default";

    /// <summary>Settings by guardrail id, one for every guardrail of <see cref="GuardrailLibrary.Policies"/>.</summary>
    public required IReadOnlyDictionary<string, PolicySettings> Policies { get; init; }

    public static GuardrailConfig Default { get; } = new() { Policies = DefaultPolicies() };

    /// <summary>The settings of one guardrail (its defaults when the id is in the library but not in the map).</summary>
    public PolicySettings Settings(string id) =>
        Policies.TryGetValue(id, out var settings) ? settings : DefaultSettings(id);

    /// <summary>The settings a guardrail has without a config.</summary>
    public static PolicySettings DefaultSettings(string id) => new()
    {
        Action = GuardrailLibrary.Find(id)?.DefaultAction ?? GuardrailAction.Disabled,
        Labels = id == GuardrailIds.RequiredLabels ? [DefaultRequiredLabel] : [],
    };

    internal static Dictionary<string, PolicySettings> DefaultPolicies() =>
        GuardrailLibrary.Policies.ToDictionary(p => p.Id, p => DefaultSettings(p.Id), StringComparer.Ordinal);
}
