namespace Verity.Cli.Scan;

/// <summary>
/// The exit code of a scan: 2 when any input error was reported (even if the score passes — CI must notice
/// broken manifests), else 1 when the score is below <c>--fail-under</c>, else 0.
/// </summary>
internal static class ScanVerdict
{
    public static int ExitCode(ScanReport report, int? failUnder) =>
        report.HasInputErrors ? ExitCodes.BadInput
        : failUnder is int gate && report.Scorecard.Score < gate ? ExitCodes.Failed
        : ExitCodes.Ok;
}
