using System.Security.Cryptography.X509Certificates;
using Verity.Identity.Validation;

namespace Verity.Cli.Identity;

/// <summary>
/// <c>identity inspect</c> as text: the certificate's identity and validity, then one aligned row per rule (RESULT pass|FAIL|warn|skip,
/// RULE id, MESSAGE), then a verdict line.
/// </summary>
internal static class InspectTextRenderer
{
    public static void Write(TextWriter output, string file, IReadOnlyList<X509Certificate2> chain, SvidReport report)
    {
        var leaf = chain[0];
        output.WriteLine($"Certificate: {file} ({chain.Count} certificate(s))");
        output.WriteLine($"SPIFFE ID:   {(report.Id?.ToString() ?? "-")}");
        output.WriteLine($"Subject:     {leaf.Subject}");
        output.WriteLine($"Issuer:      {leaf.Issuer}");
        output.WriteLine($"Valid:       {leaf.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z to {leaf.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z");
        output.WriteLine($"Serial:      {leaf.SerialNumber.ToLowerInvariant()}");
        output.WriteLine();
        var width = report.Results.Max(r => r.Rule.Id.Length);
        output.WriteLine($"{"RESULT",-6}   {"RULE".PadRight(width)}   MESSAGE");
        foreach (var result in report.Results)
            output.WriteLine($"{Label(result.Outcome),-6}   {result.Rule.Id.PadRight(width)}   {result.Message}");
        output.WriteLine();
        var failures = report.Failures.Count();
        output.WriteLine(failures == 0
            ? "Valid X.509-SVID."
            : $"Not a valid X.509-SVID: {failures} rule(s) broken.");
    }

    public static string Label(RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.Pass => "pass",
        RuleOutcome.Fail => "FAIL",
        RuleOutcome.Warn => "warn",
        _ => "skip",
    };
}
