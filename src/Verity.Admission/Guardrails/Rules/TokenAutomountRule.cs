using k8s.Models;

namespace Verity.Admission.Guardrails.Rules;

/// <summary>
/// The pod-level question behind <c>VG-IDN-002</c> and the scan's <c>VT-IDN-002</c>: does the pod spec decide whether
/// an API token is mounted? Kubernetes mounts the token unless the pod spec or its ServiceAccount opts out, the pod
/// spec winning when it sets the field
/// (https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting).
/// An admission request carries one object, so the guardrail fails <see cref="TokenAutomount.LeftToServiceAccount"/>;
/// <c>verity scan</c> sees the ServiceAccount and lets its field decide that case.
/// </summary>
public static class TokenAutomountRule
{
    public const string Field = "automountServiceAccountToken";

    public static TokenAutomount Of(V1PodSpec spec) => spec.AutomountServiceAccountToken switch
    {
        false => TokenAutomount.OptedOut,
        true => TokenAutomount.MountedBySpec,
        null => TokenAutomount.LeftToServiceAccount,
    };
}
