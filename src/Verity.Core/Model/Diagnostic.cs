namespace Verity.Core.Model;

/// <summary>
/// One problem in the input: a malformed document, a missing field, a field of the wrong type,
/// a duplicate object, an unreadable file or an API error. Codes are stable (see docs/diagnostics.md).
/// </summary>
public sealed record Diagnostic(DiagnosticLevel Level, string Code, string Message, SourceLocation? Location = null, string? FieldPath = null)
{
    /// <summary><c>file:line:column: error VT1001: message</c>, like a compiler.</summary>
    public override string ToString()
    {
        var prefix = Location is null ? "" : $"{Location}: ";
        var level = Level == DiagnosticLevel.Error ? "error" : "warning";
        return $"{prefix}{level} {Code}: {Message}";
    }
}
