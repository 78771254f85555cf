using Verity.Network.Engine;

namespace Verity.Cli.Netpol;

/// <summary>
/// The matrix as CSV (RFC 4180): a header <c>from,to,port,protocol,allowed</c>, then one row per connection in the
/// JSON order; <c>allowed</c> is <c>true</c>/<c>false</c>. Streams: a large matrix is never held in memory.
/// </summary>
internal static class MatrixCsvRenderer
{
    public static void Write(TextWriter output, IEnumerable<Connection> connections)
    {
        output.Write("from,to,port,protocol,allowed\n");
        foreach (var c in connections)
            output.Write($"{Field(c.From.Id)},{Field(c.To.Id)},{c.Port.Port},{c.Port.Protocol},{(c.Allowed ? "true" : "false")}\n");
    }

    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") < 0 ? text : $"\"{text.Replace("\"", "\"\"")}\"";
}
