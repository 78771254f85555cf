using System.Text.Json;
using Spectre.Console;
using Verity.Cli.Netpol;
using Verity.Network.Flows;

namespace Verity.Cli.Output;

/// <summary>
/// The scorecard's "observed traffic" section (<c>verity scan --flows</c>): how many observed connections the current
/// policies deny, which ones, and per namespace what a default-deny would break — the facts of
/// <c>verity netpol audit</c>, summarised. Not scored: traffic is evidence about the policies, not a check.
/// </summary>
internal static class TrafficSection
{
    public static void Write(IAnsiConsole console, FlowAuditReport traffic)
    {
        var denied = traffic.Connections.Where(c => !c.Allowed).ToList();
        console.WriteLine();
        console.MarkupLine($"[bold]Observed traffic:[/] {traffic.Connections.Count} connections evaluated, "
            + $"[{(denied.Count == 0 ? "green" : "red")}]{denied.Count} denied by current policies[/]"
            + (traffic.Unevaluated.Count > 0 ? $", {traffic.Unevaluated.Count} not evaluated (host or unknown peers; see verity netpol audit)" : ""));
        if (traffic.Namespaces.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Namespace").AddColumn(new TableColumn("Observed").RightAligned())
                .AddColumn(new TableColumn("Denied today").RightAligned()).AddColumn(new TableColumn("Default-deny would break").RightAligned());
            foreach (var ns in traffic.Namespaces)
            {
                table.AddRow(Markup.Escape(ns.Name), ns.Observed.ToString(),
                    ns.Denied == 0 ? "0" : $"[red]{ns.Denied}[/]",
                    ns.BrokenByDefaultDeny == 0 ? "[green]0[/]" : $"[yellow]{ns.BrokenByDefaultDeny}[/]");
            }
            console.Write(table);
        }
        if (denied.Count == 0) return;
        console.MarkupLine("Observed connections current policies deny:");
        foreach (var c in denied)
        {
            var o = c.Observed;
            console.MarkupLine($"  [red]{Markup.Escape($"{o.From.Id} -> {o.To.Id} {o.Port}/{o.Protocol}")}[/] x{o.Count}: "
                + Markup.Escape($"{c.Direction.ToString().ToLowerInvariant()} denied by {c.Policy ?? c.DecidedBy.ToString()}"));
        }
    }

    /// <summary>
    /// <c>"traffic": {"connections", "denied", "unevaluated", "namespaces": [{"name", "observed", "denied",
    /// "brokenByDefaultDeny"}], "deniedConnections": [...]}</c>, namespaces and connections in the shape of
    /// <c>verity netpol audit -o json</c>.
    /// </summary>
    public static void WriteJson(Utf8JsonWriter json, FlowAuditReport traffic)
    {
        json.WriteStartObject("traffic");
        json.WriteNumber("connections", traffic.Connections.Count);
        json.WriteNumber("denied", traffic.Connections.Count(c => !c.Allowed));
        json.WriteNumber("unevaluated", traffic.Unevaluated.Count);
        json.WriteStartArray("namespaces");
        foreach (var ns in traffic.Namespaces) AuditJsonRenderer.WriteNamespace(json, ns);
        json.WriteEndArray();
        json.WriteStartArray("deniedConnections");
        foreach (var c in traffic.Connections.Where(c => !c.Allowed)) AuditJsonRenderer.WriteAudited(json, c);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
