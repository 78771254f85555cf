using Verity.Core.Model;

namespace Verity.Admission.Guardrails;

/// <summary>
/// One violated guardrail on one object: the policy id, the action configured for it, a message that says how to fix
/// it, the field (<c>spec.template.spec.containers[0].image</c>) and its place in the source, and — when an active
/// exception covers it — the exception's name (the violation is then recorded but neither denies nor warns).
/// </summary>
public sealed record GuardrailViolation
{
    public required string Policy { get; init; }
    public required GuardrailAction Action { get; init; }
    public required string Message { get; init; }
    public required string Field { get; init; }
    public required SourceLocation Location { get; init; }

    /// <summary>The name of the active exception that covers this violation, or null.</summary>
    public string? Exception { get; init; }

    public bool ExceptionApplied => Exception is not null;

    /// <summary>True when this violation denies the request: enforced and not excepted.</summary>
    public bool Denies => Action == GuardrailAction.Enforce && Exception is null;
}
