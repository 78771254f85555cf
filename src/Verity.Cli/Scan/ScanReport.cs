using Verity.Core.Model;
using Verity.Posture.Scoring;

namespace Verity.Cli.Scan;

/// <summary>
/// What <c>verity scan</c> decided: the scorecard of the valid objects, every input problem, and whether
/// the input held no object at all (<see cref="EmptyInput"/>: a wrong path must not pass a CI gate silently).
/// </summary>
internal sealed record ScanReport(Scorecard Scorecard, IReadOnlyList<Diagnostic> Diagnostics, bool EmptyInput = false)
{
    public bool HasInputErrors => EmptyInput || Diagnostics.Any(d => d.Level == DiagnosticLevel.Error);
}
