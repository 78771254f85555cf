using Spectre.Console;
using Verity.Cli.Output;
using Verity.Core.Model;
using Verity.Network.Lint;

namespace Verity.Cli.Netpol;

/// <summary>
/// The human lint report, like the findings of <c>verity scan</c>: grouped by severity (most serious first), each
/// finding a header line (rule, policy, <c>file:line</c>) and its message wrapped below.
/// </summary>
internal static class LintTableRenderer
{
    public static void Write(IAnsiConsole console, IReadOnlyList<LintFinding> findings)
    {
        if (findings.Count == 0)
        {
            console.MarkupLine("[green]No findings.[/]");
            return;
        }
        var counts = findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        console.MarkupLine($"[bold]{findings.Count} finding{(findings.Count == 1 ? "" : "s")}[/] ({string.Join(", ", counts)})");
        const string indent = "      ";
        var width = console.Profile.Width - indent.Length;
        foreach (var group in findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key))
        {
            console.WriteLine();
            console.MarkupLine($"[bold {Color(group.Key)}]{group.Key.ToString().ToUpperInvariant()}[/] ({group.Count()})");
            foreach (var f in group)
            {
                console.WriteLine();
                var where = f.Location.Line > 0 ? $"{f.Location.File}:{f.Location.Line}" : f.Location.File;
                ConsoleWidth.AtLeast(console, f.Rule.Length + f.Policy.Display.Length + where.Length + 6);
                console.MarkupLine($"  [bold]{f.Rule}[/]  {Markup.Escape(f.Policy.Display)}  [dim]{Markup.Escape(where)}[/]");
                foreach (var line in TextWrap.Wrap(f.Message, width)) console.MarkupLine(indent + Markup.Escape(line));
            }
        }
    }

    private static string Color(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "red",
        Severity.Medium => "yellow",
        _ => "blue",
    };
}
