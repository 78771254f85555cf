using Verity.Admission.Guardrails;
using Verity.Core.Model;

namespace Verity.Cli.Admission;

/// <summary>
/// One reason an admission request would be denied, warned about or audited: the policy (<c>PodSecurity</c> or a
/// guardrail id), the ValidatingAdmissionPolicyBinding that applied it (null for Pod Security and guardrails),
/// the action, the message and the place in the source (the field's, when known, else the object's).
/// </summary>
internal sealed record AdmissionViolation(string Policy, GuardrailAction Action, string Message, SourceLocation Location)
{
    /// <summary>The policy name Pod Security Admission violations are reported under.</summary>
    public const string PodSecurity = "PodSecurity";

    public string? Binding { get; init; }

    /// <summary>The action as its policy kind names it, when not a guardrail action: <c>Deny</c> for a ValidatingAdmissionPolicy binding.</summary>
    public string? ActionName { get; init; }

    /// <summary>The field path (<c>spec.containers[0].image</c>), or null when the violation is about the whole object.</summary>
    public string? Field { get; init; }

    public bool Denies => Action == GuardrailAction.Enforce;
}
