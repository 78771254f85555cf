using Verity.Admission.Pss;

namespace Verity.Cli.Pss;

/// <summary>
/// <c>pss check</c> as text: one aligned row per pod or template — RESOURCE, ENFORCE (level:version), VERDICT, AUDIT, WARN
/// (a mode shows "-" when privileged, else its policy and whether it would flag the pod) — each denied row followed by its
/// violations, then a count.
/// </summary>
internal static class PssTableRenderer
{
    public static void Write(TextWriter output, IReadOnlyList<PssResult> results)
    {
        if (results.Count == 0)
        {
            output.WriteLine("No pods or workloads found.");
            return;
        }
        var header = new[] { "RESOURCE", "ENFORCE", "VERDICT", "AUDIT", "WARN" };
        var rows = results.Select(r => new[]
        {
            r.Resource, r.Enforce.Policy.ToString(), r.Allowed ? "allowed" : "DENIED", Mode(r.Audit), Mode(r.Warn),
        }).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => rows.Prepend(header).Max(row => row[i].Length)).ToArray();
        output.WriteLine(Line(header, widths));
        for (var i = 0; i < results.Count; i++)
        {
            output.WriteLine(Line(rows[i], widths));
            foreach (var violation in results[i].Enforce.Violations) output.WriteLine($"    {violation.Check}: {violation.Message}");
        }
        output.WriteLine();
        var denied = results.Count(r => !r.Allowed);
        var audited = results.Count(r => !r.Audit.Allowed);
        var warned = results.Count(r => !r.Warn.Allowed);
        output.WriteLine($"{denied} of {results.Count} denied; {audited} would be audited, {warned} would get a warning.");
    }

    private static string Mode(PssDecision decision) =>
        decision.Policy.Level == PssLevel.Privileged ? "-" : $"{decision.Policy} {(decision.Allowed ? "ok" : "violated")}";

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("   ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
