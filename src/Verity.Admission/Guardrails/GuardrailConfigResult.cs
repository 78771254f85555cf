using Verity.Core.Model;

namespace Verity.Admission.Guardrails;

/// <summary>
/// A loaded policy config and every problem found in it. <see cref="Config"/> is always usable: it holds every valid
/// part, with defaults where a part was missing or invalid; the edge decides whether errors stop it (CONVENTIONS.md #3).
/// </summary>
public sealed record GuardrailConfigResult(GuardrailConfig Config, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Level == DiagnosticLevel.Error);
}
