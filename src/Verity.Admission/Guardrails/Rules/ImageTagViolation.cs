namespace Verity.Admission.Guardrails.Rules;

/// <summary>A container whose image does not name a fixed version, and why.</summary>
public sealed record ImageTagViolation(ContainerImage Image, ImageTagProblem Problem);
