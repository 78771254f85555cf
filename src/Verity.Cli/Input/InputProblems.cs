using Verity.Cli.Output;
using Verity.Core.Model;

namespace Verity.Cli.Input;

/// <summary>
/// Reports what was wrong with the input on standard error: every diagnostic (compiler style), then "no objects
/// found" for empty <c>-f</c> paths, then a hint when no input was given at all.
/// </summary>
internal static class InputProblems
{
    /// <param name="verb">What the command does with the input, for the hint ("scan", "read").</param>
    public static void Write(TextWriter error, LoadedInput input, IEnumerable<Diagnostic>? more = null, string verb = "read")
    {
        DiagnosticWriter.Write(error, more is null ? input.Diagnostics : input.Diagnostics.Concat(more));
        if (input.Empty) error.WriteLine($"error: no Kubernetes objects found in {string.Join(", ", input.Settings.Files)}");
        if (input.NoInputGiven)
            error.WriteLine($"hint: no input given: pass -f PATH to {verb} manifests, or --kubeconfig FILE to {verb} a live cluster");
    }
}
