namespace Verity.Admission.Guardrails;

/// <summary>Every diagnostic code the policy config loader emits, in one place (documented in docs/guardrails.md).</summary>
public static class GuardrailDiagnosticCodes
{
    /// <summary>A document is not a <c>verity.dev/v1alpha1</c> <c>PolicyConfig</c>, or there is none, or more than one.</summary>
    public const string NotPolicyConfig = "VG1001";
    /// <summary>A field the schema does not know (a typo is never silently ignored).</summary>
    public const string UnknownField = "VG1002";
    /// <summary>A policy id that is not in the guardrail library.</summary>
    public const string UnknownPolicy = "VG1003";
    /// <summary>An action other than enforce, warn, audit or disabled.</summary>
    public const string InvalidAction = "VG1004";
    /// <summary>A namespaceSelector or objectSelector that is not a valid Kubernetes LabelSelector.</summary>
    public const string InvalidSelector = "VG1005";
    /// <summary>An exception without owner, reason or expires, with no matcher, or with a duplicate name.</summary>
    public const string InvalidException = "VG1006";
    /// <summary>An <c>expires</c> that is not an RFC 3339 date or timestamp.</summary>
    public const string InvalidDate = "VG1007";
    /// <summary>A field of the wrong type (e.g. a string where a list belongs).</summary>
    public const string WrongType = "VG1008";
    /// <summary>An invalid parameter value (registry, label key, namespace name), or a parameter with no effect.</summary>
    public const string InvalidParameter = "VG1009";
    /// <summary>An exception that has expired at the time of the check (a warning; it no longer applies).</summary>
    public const string ExpiredException = "VG1010";
}
