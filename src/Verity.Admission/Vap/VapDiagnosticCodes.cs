namespace Verity.Admission.Vap;

/// <summary>Every diagnostic code of ValidatingAdmissionPolicy loading, in one place (documented in docs/diagnostics.md).</summary>
public static class VapDiagnosticCodes
{
    /// <summary>A policy or binding the API server would reject: a missing or invalid field (named in the message).</summary>
    public const string InvalidObject = "VA1001";
    /// <summary>A CEL expression that does not compile (the API server rejects the policy with the same problem).</summary>
    public const string CompileError = "VA1002";
    /// <summary>A binding whose policy is not among the inputs: it is ignored, as the API server ignores it (a warning).</summary>
    public const string UnknownPolicy = "VA1003";
}
