using Spectre.Console;
using Verity.Cli.Scan;
using Verity.Core.Model;
using Verity.Posture;
using Verity.Posture.Isolation;
using Verity.Posture.Scoring;

namespace Verity.Cli.Output;

/// <summary>
/// The human view of a scan: the overall score, a table of namespace scores, then findings grouped by
/// severity (most serious first), each with rule, resource, source <c>file:line</c>, message, fix and controls.
/// Findings are a list rather than a table: messages are sentences, and a four-column table wraps them
/// into narrow, hard-to-read cells.
/// </summary>
internal static class TableRenderer
{
    public static void Write(IAnsiConsole console, ScanReport report)
    {
        var card = report.Scorecard;
        var passed = card.Checked - card.Failed;
        console.MarkupLine($"[bold]Posture score: [{ScoreColor(card.Score)}]{card.Score}/100[/][/]  ({passed} of {card.Checked} checks passed, {card.Findings.Count} findings)");
        if (card.LeastPrivilege is { Accounts.Count: > 0 } rbac)
        {
            var lowest = rbac.Lowest is { } low ? $"; lowest: service account {low.Account.Namespace}/{low.Account.Name} at {low.Score}" : "";
            console.MarkupLine($"Least privilege (RBAC): [{ScoreColor((int)Math.Round(rbac.Cluster))}]{rbac.Cluster:0.#}/100[/] over {rbac.Accounts.Count} service accounts{Markup.Escape(lowest)}");
        }
        if (report.HasInputErrors)
            console.MarkupLine("[yellow]Some input could not be read (see the errors above); this score covers the valid objects only.[/]");
        console.WriteLine();

        if (card.Namespaces.Count > 0) console.Write(NamespaceTable(card));
        if (report.Traffic is { } traffic) TrafficSection.Write(console, traffic);
        if (report.Guardrails is { } guardrails) GuardrailSection.Write(console, guardrails);
        if (report.AdmissionPolicies is { } policies) AdmissionPolicySection.Write(console, policies);
        IdentitySection.Write(console, report.Identities, report.TrustDomain);

        if (card.Findings.Count == 0)
        {
            console.MarkupLine("[green]No findings.[/]");
            return;
        }
        foreach (var group in card.Findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key))
        {
            console.WriteLine();
            console.MarkupLine($"[bold {SeverityColor(group.Key)}]{group.Key.ToString().ToUpperInvariant()}[/] ({group.Count()})");
            foreach (var finding in group)
            {
                console.WriteLine();
                WriteFinding(console, finding);
            }
        }
    }

    private static Table NamespaceTable(Scorecard card)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Namespace").AddColumn(new TableColumn("Score").RightAligned())
            .AddColumn(new TableColumn("Checks").RightAligned()).AddColumn(new TableColumn("Failed").RightAligned())
            .AddColumn(new TableColumn("Findings").RightAligned())
            .AddColumn(new TableColumn("Ingress isolated").RightAligned()).AddColumn(new TableColumn("Egress isolated").RightAligned())
            .AddColumn("Default-deny").AddColumn(new TableColumn("RBAC").RightAligned());
        foreach (var ns in card.Namespaces)
        {
            var isolation = card.IsolationOf(ns.Name);
            table.AddRow(
                Markup.Escape(ns.Name), $"[{ScoreColor(ns.Score)}]{ns.Score}[/]",
                ns.Checked.ToString(), ns.Failed.ToString(), ns.Findings.ToString(),
                Share(isolation?.Ingress), Share(isolation?.Egress),
                isolation is null ? "-" : isolation.DefaultDeny ? "[green]yes[/]" : "[red]no[/]",
                card.LeastPrivilegeOf(ns.Name) is { } rbac ? $"[{ScoreColor((int)Math.Round(rbac.Score))}]{rbac.Score:0.#}[/]" : "-");
        }
        return table;
    }

    /// <summary>"2/3" pods isolated, coloured green only when all are; "-" when unknown or no pod.</summary>
    private static string Share(IsolationShare? share) =>
        share is not { Total: > 0 } s ? "-" : $"[{(s.Isolated == s.Total ? "green" : "red")}]{s.Isolated}/{s.Total}[/]";

    /// <summary>One finding: a header line (rule, resource, source), then message, fix and controls indented below it.</summary>
    private static void WriteFinding(IAnsiConsole console, Finding f)
    {
        const string indent = "      ";
        var width = console.Profile.Width - indent.Length;
        // The header (ids and a path) is never wrapped: Spectre would break it with a trailing blank, and where it
        // broke would depend on where the files are. The profile is widened for this line only.
        var header = $"  {f.RuleId}  {f.Subject.Display}  {Where(f.Source)}";
        var profileWidth = console.Profile.Width;
        console.Profile.Width = Math.Max(profileWidth, header.Length);
        console.MarkupLine($"  [bold]{f.RuleId}[/]  {Markup.Escape(f.Subject.Display)}  [dim]{Markup.Escape(Where(f.Source))}[/]");
        console.Profile.Width = profileWidth;
        foreach (var line in TextWrap.Wrap(f.Message, width)) console.MarkupLine(indent + Markup.Escape(line));
        var first = true;
        foreach (var line in TextWrap.Wrap("fix: " + f.Remediation, width))
        {
            console.MarkupLine(indent + (first ? "[dim]fix:[/]" + Markup.Escape(line[4..]) : Markup.Escape(line)));
            first = false;
        }
        if (f.Controls.Count > 0) console.MarkupLine($"{indent}[dim]controls: {Markup.Escape(string.Join(", ", f.Controls))}[/]");
    }

    /// <summary><c>file:line</c>, or the file alone when the line is unknown, or "-".</summary>
    private static string Where(SourceLocation? source) =>
        source is null ? "-" : source.Line > 0 ? $"{source.File}:{source.Line}" : source.File;

    private static string ScoreColor(int score) => score >= 90 ? "green" : score >= 70 ? "yellow" : "red";

    private static string SeverityColor(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "red",
        Severity.Medium => "yellow",
        _ => "blue",
    };
}
