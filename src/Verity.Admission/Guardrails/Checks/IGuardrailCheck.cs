namespace Verity.Admission.Guardrails.Checks;

/// <summary>
/// One guardrail's logic: a pure function from an object (and the guardrail's settings) to its violations.
/// Selectors, actions and exceptions are applied by the engine, never here.
/// </summary>
internal interface IGuardrailCheck
{
    GuardrailPolicy Policy { get; }

    IEnumerable<CheckFinding> Check(GuardrailSubject subject, PolicySettings settings);
}
