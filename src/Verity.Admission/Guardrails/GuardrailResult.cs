using Verity.Core.Model;

namespace Verity.Admission.Guardrails;

/// <summary>
/// The decision on one object, as a pure value (a webhook maps it to an AdmissionReview response; the CLI renders it).
/// <see cref="Allowed"/> is false exactly when a violation <see cref="GuardrailViolation.Denies"/>.
/// <see cref="Errors"/> lists what could not be evaluated (e.g. a pod spec with a field of the wrong type): that is not
/// a denial, and whether to admit such an object is the caller's failure policy.
/// <see cref="Warnings"/> are the texts a client is shown (warn-action violations, expired exceptions);
/// <see cref="AuditAnnotations"/> are keyed by policy id (audit-action violations) and <c>&lt;id&gt;.exception</c>
/// (exceptions that were applied).
/// </summary>
public sealed record GuardrailResult
{
    public required KubeObject Object { get; init; }
    public required IReadOnlyList<GuardrailViolation> Violations { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public IReadOnlyDictionary<string, string> AuditAnnotations { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> Errors { get; init; } = [];

    public bool Allowed => !Violations.Any(v => v.Denies);

    /// <summary>The denial text (every denying violation, "VG-…: message" joined by "; "), or null when allowed.</summary>
    public string? DenialMessage => Allowed ? null : string.Join("; ", Violations.Where(v => v.Denies).Select(v => $"{v.Policy}: {v.Message}"));
}
