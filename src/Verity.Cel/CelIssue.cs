namespace Verity.Cel;

/// <summary>
/// A problem found while compiling a CEL expression (syntax error, undeclared reference,
/// overload mismatch...). <see cref="Line"/> and <see cref="Column"/> are 1-based; the column
/// counts Unicode code points on the line (like cel-go). <see cref="Offset"/> is the 0-based UTF-16 offset.
/// </summary>
public sealed record CelIssue(int Line, int Column, int Offset, string Message)
{
    public override string ToString() => $"{Line}:{Column}: {Message}";
}
