namespace Verity.Rbac.Audit;

/// <summary>Diagnostic codes of audit-log reading and RBAC generation (to be listed in docs/diagnostics.md).</summary>
public static class AuditDiagnosticCodes
{
    /// <summary>Error: a line (or document) is not valid JSON or not a JSON object; it is skipped.</summary>
    public const string MalformedLine = "VT3101";

    /// <summary>Error: a JSON object is not a usable audit Event (wrong kind or apiVersion, a required field
    /// missing or of the wrong type); it is skipped.</summary>
    public const string InvalidEvent = "VT3102";

    /// <summary>Warning: a valid event grants nothing because its outcome or user is unknown
    /// (no response status at its latest stage, no username); it is skipped.</summary>
    public const string SkippedRequest = "VT3103";
}
