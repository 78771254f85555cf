using Spectre.Console;
using Verity.Cli.Output;
using Verity.Network.Engine;

namespace Verity.Cli.Netpol;

/// <summary>
/// The human diff: "Opened" then "Closed", each grouped by source → destination namespace, one line per pair of
/// endpoints with all its ports; then a one-line count.
/// </summary>
internal static class DiffTableRenderer
{
    public static void Write(IAnsiConsole console, IReadOnlyList<Connection> opened, IReadOnlyList<Connection> closed, int compared)
    {
        Section(console, "Opened", "green", "+", opened);
        Section(console, "Closed", "red", "-", closed);
        console.WriteLine($"Compared {compared} connections: {opened.Count} opened, {closed.Count} closed.");
    }

    private static void Section(IAnsiConsole console, string title, string color, string sign, IReadOnlyList<Connection> connections)
    {
        if (connections.Count == 0) return;
        console.MarkupLine($"[bold {color}]{title}[/] ({connections.Count})");
        foreach (var group in connections.GroupBy(c => (From: Namespace(c.From.Namespace), To: Namespace(c.To.Namespace))))
        {
            console.MarkupLine($"  [bold]{Markup.Escape(group.Key.From)} → {Markup.Escape(group.Key.To)}[/]");
            foreach (var pair in group.GroupBy(c => (c.From.Id, To: c.To.Id)))
            {
                var ports = string.Join(", ", pair.Select(c => c.Port.ToString()));
                ConsoleWidth.AtLeast(console, pair.Key.Id.Length + pair.Key.To.Length + ports.Length + 12);
                console.MarkupLine($"    [{color}]{sign}[/] {Markup.Escape(pair.Key.Id)} → {Markup.Escape(pair.Key.To)}  {Markup.Escape(ports)}");
            }
        }
        console.WriteLine();
    }

    private static string Namespace(string ns) => ns.Length == 0 ? "(outside the cluster)" : ns;
}
