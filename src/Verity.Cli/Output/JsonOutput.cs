using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Verity.Cli.Output;

/// <summary>
/// Writes one JSON document the way every command does: indented, <c>\n</c> line ends, readable quotes (output is
/// never embedded in HTML), and a final newline. Documents are written field by field so shapes are explicit.
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options)) write(json);
        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }
}
