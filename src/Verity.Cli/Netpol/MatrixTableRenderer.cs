using Spectre.Console;
using Verity.Cli.Output;
using Verity.Network.Engine;
using Verity.Network.Model;

namespace Verity.Cli.Netpol;

/// <summary>
/// The human matrix. Small (at most <see cref="GridEndpoints"/> endpoints and <see cref="GridPorts"/> ports): one grid
/// per port, sources as numbered rows and destinations as the numbered columns (✓ allowed, ✗ denied, · the
/// destination does not declare the port). Larger: one line per connection. Then a one-line count.
/// </summary>
internal static class MatrixTableRenderer
{
    public const int GridEndpoints = 12;
    public const int GridPorts = 8;

    public static void Write(IAnsiConsole console, IReadOnlyList<Endpoint> endpoints, IReadOnlyList<Connection> connections)
    {
        var ports = connections.Select(c => c.Port).Distinct().OrderBy(p => p.Port).ThenBy(p => p.Protocol).ToList();
        if (connections.Count == 0) console.MarkupLine("[yellow]No connections: no endpoint declares a port; pass --port N.[/]");
        else if (endpoints.Count <= GridEndpoints && ports.Count <= GridPorts) Grids(console, endpoints, connections, ports);
        else List(console, connections);
        var allowed = connections.Count(c => c.Allowed);
        console.WriteLine($"{endpoints.Count} endpoints, {connections.Count} connections: {allowed} allowed, {connections.Count - allowed} denied.");
    }

    private static void Grids(IAnsiConsole console, IReadOnlyList<Endpoint> endpoints, IReadOnlyList<Connection> connections, List<PortKey> ports)
    {
        var index = endpoints.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i + 1, StringComparer.Ordinal);
        var verdicts = connections.ToDictionary(c => (c.From.Id, c.To.Id, c.Port), c => c.Allowed);
        foreach (var port in ports)
        {
            console.MarkupLine($"[bold]{port}[/] [dim](rows: from, columns: to)[/]");
            var table = new Table().Border(TableBorder.Rounded).AddColumn("from");
            foreach (var to in endpoints) table.AddColumn(new TableColumn(index[to.Id].ToString()).Centered());
            foreach (var from in endpoints)
            {
                var row = new List<string> { $"{index[from.Id],2} {Markup.Escape(from.Id)}" };
                foreach (var to in endpoints)
                {
                    row.Add(!verdicts.TryGetValue((from.Id, to.Id, port), out var allowed) ? "[dim]·[/]"
                        : allowed ? "[green]✓[/]" : "[red]✗[/]");
                }
                table.AddRow(row.ToArray());
            }
            console.Write(table);
            console.WriteLine();
        }
    }

    private static void List(IAnsiConsole console, IReadOnlyList<Connection> connections)
    {
        var fromWidth = Math.Max(4, connections.Max(c => c.From.Id.Length));
        var toWidth = Math.Max(2, connections.Max(c => c.To.Id.Length));
        ConsoleWidth.AtLeast(console, fromWidth + toWidth + 24);
        console.MarkupLine($"[bold]{"FROM".PadRight(fromWidth)}  {"TO".PadRight(toWidth)}  {"PORT",-10}  ALLOWED[/]");
        foreach (var c in connections)
        {
            var verdict = c.Allowed ? "[green]yes[/]" : "[red]no[/]";
            console.MarkupLine($"{Markup.Escape(c.From.Id.PadRight(fromWidth))}  {Markup.Escape(c.To.Id.PadRight(toWidth))}  {c.Port,-10}  {verdict}");
        }
    }
}
