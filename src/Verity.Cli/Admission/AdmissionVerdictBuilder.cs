using Verity.Core.Model;

namespace Verity.Cli.Admission;

/// <summary>The parts of an <see cref="AdmissionVerdict"/> while Pod Security Admission and the guardrails add to it.</summary>
internal sealed class AdmissionVerdictBuilder
{
    public List<AdmissionViolation> Violations { get; } = [];
    public List<string> Warnings { get; } = [];
    public SortedDictionary<string, string> AuditAnnotations { get; } = new(StringComparer.Ordinal);

    public AdmissionVerdict Build(KubeObject obj, string? note = null) => new(obj)
    {
        Violations = Violations,
        Warnings = Warnings,
        AuditAnnotations = AuditAnnotations,
        Note = note,
    };
}
