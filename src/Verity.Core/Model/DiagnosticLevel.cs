namespace Verity.Core.Model;

/// <summary>
/// An input problem's level. An <see cref="Error"/> means something in the input could not be used
/// (the CLI exits 2); a <see cref="Warning"/> means it was used with a caveat (e.g. a duplicate).
/// </summary>
public enum DiagnosticLevel
{
    Warning,
    Error,
}
