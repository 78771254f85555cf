using Verity.Core.Model;

namespace Verity.Cli.Output;

/// <summary>Writes diagnostics one per line, compiler style: <c>file:line:col: error VT1005: message</c>.</summary>
internal static class DiagnosticWriter
{
    public static void Write(TextWriter error, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics) error.WriteLine(diagnostic.ToString());
    }
}
