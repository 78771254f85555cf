using Spectre.Console;
using Verity.Cli.Output;
using Verity.Network.Flows;

namespace Verity.Cli.Netpol;

/// <summary>
/// The human audit: one line per evaluated connection (allowed or denied, the deciding direction, tier and policy,
/// and the namespaces whose default-deny would break it), then one sentence per namespace, then the connections
/// that could not be evaluated with the reason.
/// </summary>
internal static class AuditTableRenderer
{
    public static void Write(IAnsiConsole console, FlowAuditReport report)
    {
        if (report.Connections.Count == 0 && report.Unevaluated.Count == 0)
        {
            console.MarkupLine("[yellow]No observed connections.[/]");
            return;
        }
        if (report.Connections.Count > 0)
        {
            var rows = report.Connections.Select(c => (
                From: c.Observed.From.Id, To: c.Observed.To.Id, Port: Port(c.Observed), Count: c.Observed.Count.ToString(),
                Verdict: c.Allowed ? "allowed" : "denied",
                By: $"{c.Direction.ToString().ToLowerInvariant()}: {c.DecidedBy}{(c.Policy is null ? "" : $" ({c.Policy})")}",
                Broken: c.BrokenByDefaultDeny.Count == 0 ? "-" : string.Join(", ", c.BrokenByDefaultDeny))).ToList();
            var w = (From: Width("FROM", rows.Select(r => r.From)), To: Width("TO", rows.Select(r => r.To)), Port: Width("PORT", rows.Select(r => r.Port)),
                Count: Width("COUNT", rows.Select(r => r.Count)), Verdict: Width("VERDICT", rows.Select(r => r.Verdict)), By: Width("DECIDED BY", rows.Select(r => r.By)));
            ConsoleWidth.AtLeast(console, w.From + w.To + w.Port + w.Count + w.Verdict + w.By + 40);
            console.MarkupLine($"[bold]{"FROM".PadRight(w.From)}  {"TO".PadRight(w.To)}  {"PORT".PadRight(w.Port)}  {"COUNT".PadLeft(w.Count)}  {"VERDICT".PadRight(w.Verdict)}  {"DECIDED BY".PadRight(w.By)}  BROKEN BY DEFAULT-DENY IN[/]");
            foreach (var r in rows)
            {
                var verdict = r.Verdict == "allowed" ? $"[green]{r.Verdict.PadRight(w.Verdict)}[/]" : $"[red]{r.Verdict.PadRight(w.Verdict)}[/]";
                console.MarkupLine($"{Markup.Escape(r.From.PadRight(w.From))}  {Markup.Escape(r.To.PadRight(w.To))}  {r.Port.PadRight(w.Port)}  {r.Count.PadLeft(w.Count)}  {verdict}  {Markup.Escape(r.By.PadRight(w.By))}  {Markup.Escape(r.Broken)}");
            }
            var allowed = report.Connections.Count(c => c.Allowed);
            console.WriteLine($"{report.Connections.Count} observed connections: {allowed} allowed, {report.Connections.Count - allowed} denied by current policies.");
        }
        if (report.Namespaces.Count > 0)
        {
            console.WriteLine();
            foreach (var ns in report.Namespaces)
            {
                var color = ns.BrokenByDefaultDeny == 0 ? "green" : "yellow";
                console.MarkupLine($"[{color}]enforcing default-deny in `{Markup.Escape(ns.Name)}` today would break {ns.BrokenByDefaultDeny} of {ns.Observed} observed connections[/]");
            }
        }
        if (report.Unevaluated.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine($"[bold]Not evaluated ({report.Unevaluated.Count}):[/]");
            foreach (var u in report.Unevaluated)
                console.MarkupLine($"  {Markup.Escape(u.Observed.From.Id)} -> {Markup.Escape(u.Observed.To.Id)} {Markup.Escape(Port(u.Observed))} x{u.Observed.Count}: {Markup.Escape(u.Reason)}");
        }
    }

    private static string Port(ObservedConnection c) => c.Port is { } port ? $"{port}/{c.Protocol}" : "-";

    private static int Width(string header, IEnumerable<string> values) => Math.Max(header.Length, values.Max(v => v.Length));
}
