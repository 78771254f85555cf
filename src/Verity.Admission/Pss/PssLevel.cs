namespace Verity.Admission.Pss;

/// <summary>
/// A Pod Security Standards level (https://kubernetes.io/docs/concepts/security/pod-security-standards/).
/// Upstream: <c>k8s.io/pod-security-admission/api</c> <c>Level</c>. <see cref="Privileged"/> allows everything,
/// <see cref="Baseline"/> runs the baseline checks, <see cref="Restricted"/> the baseline and restricted checks.
/// </summary>
public enum PssLevel
{
    Privileged,
    Baseline,
    Restricted,
}
