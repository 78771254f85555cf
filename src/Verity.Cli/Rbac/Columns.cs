namespace Verity.Cli.Rbac;

/// <summary>
/// Plain aligned columns as kubectl prints them (its tabwriter: three spaces between columns, no trailing blanks), so
/// output can be read by eye and by <c>awk</c>. Cells must not contain line breaks.
/// </summary>
internal static class Columns
{
    public static void Write(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Count).Select(i => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            var line = string.Join("   ", row.Select((cell, i) => i == row.Count - 1 ? cell : cell.PadRight(widths[i])));
            output.WriteLine(line.TrimEnd());
        }
    }
}
