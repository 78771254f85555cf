using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verity.Bench.Generation;

/// <summary>
/// Writes objects as <c>kubectl get -o json</c> prints them: Go's <c>json.MarshalIndent</c> with 4 spaces,
/// keys sorted, a trailing newline. Limit: Go escapes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> as
/// <c>\u003c</c>…; this writer leaves them as they are (the generated objects contain none).
/// </summary>
public static class KubectlJson
{
    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        IndentSize = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly JsonWriterOptions Minified = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static void WriteList(IEnumerable<JsonObject> items, Stream output)
    {
        using (var writer = new Utf8JsonWriter(output, Indented))
        {
            writer.WriteStartObject();
            writer.WriteString("apiVersion", "v1");
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                Write(writer, item);
                writer.Flush(); // keep the writer's buffer at one object
            }
            writer.WriteEndArray();
            writer.WriteString("kind", "List");
            writer.WriteStartObject("metadata");
            writer.WriteString("resourceVersion", "");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        output.WriteByte((byte)'\n');
    }

    /// <summary>Compact JSON with sorted keys, as <c>json.Marshal</c> writes it (kubectl's last-applied-configuration).</summary>
    public static string Compact(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Minified)) Write(writer, node);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray list:
                writer.WriteStartArray();
                foreach (var item in list) Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
