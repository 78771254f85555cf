namespace Verity.Admission.Pss;

/// <summary>
/// The namespace labels Pod Security Admission reads (https://kubernetes.io/docs/concepts/security/pod-security-admission/;
/// upstream <c>api/constants.go</c>).
/// </summary>
public static class PssLabels
{
    public const string Prefix = "pod-security.kubernetes.io/";
    public const string Enforce = Prefix + "enforce";
    public const string EnforceVersion = Prefix + "enforce-version";
    public const string Audit = Prefix + "audit";
    public const string AuditVersion = Prefix + "audit-version";
    public const string Warn = Prefix + "warn";
    public const string WarnVersion = Prefix + "warn-version";
}
