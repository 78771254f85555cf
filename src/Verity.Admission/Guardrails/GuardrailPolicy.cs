namespace Verity.Admission.Guardrails;

/// <summary>
/// One guardrail of the library: its stable <see cref="Id"/> (never reused or renumbered), a title, the kinds it
/// applies to, the benchmark controls it maps to (CIS Kubernetes Benchmark section 5, NSA/CISA Kubernetes Hardening
/// Guidance v1.2), the parameters it accepts in a policy config, and its action when no config names it.
/// </summary>
public sealed record GuardrailPolicy
{
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>What the guardrail reads, e.g. "Pods and pod templates", "Services", "Namespaces".</summary>
    public required string AppliesTo { get; init; }

    public required IReadOnlyList<string> Controls { get; init; }

    /// <summary>Parameter names a policy config may set for this guardrail (e.g. <c>registries</c>); empty when none.</summary>
    public IReadOnlyList<string> Parameters { get; init; } = [];

    /// <summary>The action without a config: <see cref="GuardrailAction.Audit"/>, or <see cref="GuardrailAction.Disabled"/> for opt-in guardrails.</summary>
    public GuardrailAction DefaultAction { get; init; } = GuardrailAction.Audit;
}
