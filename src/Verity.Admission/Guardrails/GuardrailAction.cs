namespace Verity.Admission.Guardrails;

/// <summary>
/// What a violated guardrail does, mirroring the three modes of Pod Security Admission
/// (https://kubernetes.io/docs/concepts/security/pod-security-admission/#pod-security-admission-labels-for-namespaces):
/// <see cref="Enforce"/> denies the request, <see cref="Warn"/> admits it with a warning shown to the client,
/// <see cref="Audit"/> admits it silently and records an audit annotation. <see cref="Disabled"/> does not evaluate.
/// Ordered by strength.
/// </summary>
public enum GuardrailAction
{
    Disabled = 0,
    Audit = 1,
    Warn = 2,
    Enforce = 3,
}
