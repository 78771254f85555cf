using k8s.Models;

namespace Verity.Admission.Guardrails.Rules;

/// <summary>
/// The rule behind <c>VG-IDN-001</c> and the scan's <c>VT-IDN-001</c>: pods must not run as their namespace's
/// <c>default</c> service account, named or implied. <c>serviceAccountName</c> wins; when it is empty the deprecated
/// <c>serviceAccount</c> is read as an alias (the v1 → internal conversion in pkg/apis/core/v1/conversion.go); when
/// both are empty the ServiceAccount admission plugin sets <c>default</c>.
/// </summary>
public static class ServiceAccountRule
{
    public static ServiceAccountChoice Of(V1PodSpec spec) =>
        !string.IsNullOrEmpty(spec.ServiceAccountName) ? new(spec.ServiceAccountName, "serviceAccountName")
        : !string.IsNullOrEmpty(spec.ServiceAccount) ? new(spec.ServiceAccount, "serviceAccount")
        : new(ServiceAccountChoice.DefaultName, null);
}
