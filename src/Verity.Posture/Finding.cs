using Verity.Core.Model;

namespace Verity.Posture;

/// <summary>
/// One failed posture check on one subject. <see cref="Message"/> says what is wrong and how to fix it in
/// one sentence; <see cref="Remediation"/> is the concrete step; <see cref="Evidence"/> names the facts the
/// verdict rests on (which container, which field, which service account); <see cref="Controls"/> maps the
/// rule to CIS Kubernetes Benchmark 5.x / NSA-CISA hardening guidance (see docs/output.md).
/// <see cref="Source"/> is the offending field's place in the input (null when unknown, e.g. a namespace
/// that no Namespace object declares).
/// </summary>
public sealed record Finding(
    string RuleId,
    Severity Severity,
    ResourceRef Subject,
    string Message,
    string Remediation,
    string? Evidence,
    IReadOnlyList<string> Controls,
    SourceLocation? Source)
{
    /// <summary>The namespace this finding counts towards in the scorecard (a Namespace subject counts towards itself).</summary>
    public string? Namespace => SubjectScope.NamespaceOf(Subject);
}
