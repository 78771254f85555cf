using Verity.Rbac.Risks;
using Verity.Rbac.Scoring;

namespace Verity.Cli.Rbac;

/// <summary>
/// <c>risks</c> as text: findings grouped by severity (critical first), one aligned line each — SEVERITY, risk,
/// subject, scope, names — followed by its evidence (binding -> role -> rule) and fix; then a count and the
/// least-privilege scores (cluster, lowest account, per namespace, and every account below 100 with its findings).
/// </summary>
internal static class RisksRenderer
{
    public static void Write(TextWriter output, IReadOnlyList<RiskFinding> findings, LeastPrivilegeScores scores)
    {
        if (findings.Count == 0) output.WriteLine("No risky grants found.");
        else WriteFindings(output, findings);
        output.WriteLine();
        WriteScores(output, scores);
    }

    private static void WriteFindings(TextWriter output, IReadOnlyList<RiskFinding> findings)
    {
        var rows = findings.Select(f => (Finding: f, Cells: new[] { f.Severity.ToUpperInvariant(), f.Risk, f.Subject.ToString(), f.Scope })).ToList();
        var widths = Enumerable.Range(0, 4).Select(i => rows.Max(r => r.Cells[i].Length)).ToArray();
        var first = true;
        foreach (var group in rows.GroupBy(r => RiskSeverity.Rank(r.Finding.Severity)).OrderBy(g => g.Key))
        {
            foreach (var (finding, cells) in group)
            {
                if (!first) output.WriteLine();
                first = false;
                var names = finding.Names.Count == 0 ? "" : $"names={RbacText.List(finding.Names)}";
                output.WriteLine(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i])).Append(names)).TrimEnd());
                foreach (var evidence in finding.Evidence) output.WriteLine($"    evidence: {RiskEvidenceText.Format(evidence)}");
                output.WriteLine($"    fix: {finding.Remediation}");
            }
        }
        output.WriteLine();
        var counts = RiskSeverity.All.Select(s => (s, n: findings.Count(f => f.Severity == s))).Where(c => c.n > 0).Select(c => $"{c.n} {c.s}");
        output.WriteLine($"{findings.Count} {(findings.Count == 1 ? "finding" : "findings")}: {string.Join(", ", counts)}.");
    }

    private static void WriteScores(TextWriter output, LeastPrivilegeScores scores)
    {
        var lowest = scores.Lowest is null ? "" : $"; lowest {scores.Lowest.Score} ({scores.Lowest.Account})";
        output.WriteLine($"Least-privilege score (100 = nothing risky granted): cluster {Number(scores.Cluster)}{lowest}");
        if (scores.Namespaces.Count > 0)
        {
            output.WriteLine();
            Columns.Write(output, ["NAMESPACE", "SCORE", "ACCOUNTS", "LOWEST"],
                scores.Namespaces.Select(n => (IReadOnlyList<string>)[n.Namespace, Number(n.Score), n.Accounts.ToString(System.Globalization.CultureInfo.InvariantCulture), n.Lowest.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        }
        var below = scores.Accounts.Where(a => a.Score < 100).OrderBy(a => a.Score).ThenBy(a => a.Account.Namespace, StringComparer.Ordinal)
            .ThenBy(a => a.Account.Name, StringComparer.Ordinal).ToList();
        if (below.Count > 0)
        {
            output.WriteLine();
            Columns.Write(output, ["ACCOUNT", "SCORE", "FINDINGS"],
                below.Select(a => (IReadOnlyList<string>)[$"{a.Account.Namespace}/{a.Account.Name}", a.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(" ", a.Findings)]));
        }
    }

    private static string Number(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
