namespace Verity.Server.Admission;

/// <summary>
/// The operation of an admission request (admission.k8s.io/v1 <c>AdmissionRequest.operation</c>,
/// https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#request).
/// </summary>
public enum AdmissionOperation
{
    Create,
    Update,
    Delete,
    Connect,
}
