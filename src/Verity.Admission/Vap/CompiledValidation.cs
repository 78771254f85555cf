namespace Verity.Admission.Vap;

/// <summary>One <c>spec.validations[i]</c>: the expression, its optional messageExpression, message and reason.</summary>
internal sealed record CompiledValidation(CompiledExpression Expression, CompiledExpression? MessageExpression, string? Message, string? Reason);
