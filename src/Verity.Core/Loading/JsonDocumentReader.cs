using System.Text.Json;
using Verity.Core.Model;

namespace Verity.Core.Loading;

/// <summary>
/// Reads JSON input: one object, several concatenated objects (as a series of <c>kubectl get -o json</c>
/// outputs), or a top-level array of objects. A syntax error ends the file — JSON has no separator to
/// resume at — but the values before it are kept.
/// </summary>
internal static class JsonDocumentReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        AllowMultipleValues = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 1024,
    };

    public static void Read(ReadOnlyMemory<byte> bytes, string file, List<RawDocument> documents, List<Diagnostic> diagnostics)
    {
        var lines = new LineIndex(bytes);
        var reader = new Utf8JsonReader(bytes.Span, Options);
        try
        {
            while (reader.Read())
            {
                var start = reader.TokenStartIndex;
                var json = JsonDocument.ParseValue(ref reader);
                var root = json.RootElement;
                if (root.ValueKind == JsonValueKind.Array)
                {
                    var offsets = ArrayElementOffsets(bytes.Span, start, property: null);
                    var i = 0;
                    foreach (var element in root.EnumerateArray())
                    {
                        var at = offsets[i++];
                        documents.Add(Document(element, bytes, lines, file, at));
                    }
                    continue;
                }
                documents.Add(Document(root, bytes, lines, file, start));
            }
        }
        catch (JsonException e)
        {
            var location = new SourceLocation(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, DiagnosticCodes.JsonSyntax, $"JSON syntax error: {Describe(e)}", location));
        }
    }

    /// <summary>A document, and for a top-level "items" array each element's position and own locator (found in one skipping pass).</summary>
    private static RawDocument Document(JsonElement root, ReadOnlyMemory<byte> bytes, LineIndex lines, string file, long start)
    {
        var (line, column) = lines.Position(start);
        var document = new RawDocument(root, new SourceLocation(file, line, column), new JsonSourceLocator(bytes, lines, file, start, []), null);
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            return document;
        var offsets = ArrayElementOffsets(bytes.Span, start, "items");
        var locations = new List<SourceLocation>(offsets.Count);
        var locators = new List<ISourceLocator?>(offsets.Count);
        for (var i = 0; i < offsets.Count; i++)
        {
            var (itemLine, itemColumn) = lines.Position(offsets[i]);
            locations.Add(new SourceLocation(file, itemLine, itemColumn, i));
            locators.Add(new JsonSourceLocator(bytes, lines, file, offsets[i], []));
        }
        return document with { ItemLocations = locations, ItemLocators = locators };
    }

    /// <summary>Byte offsets of the elements of the array at <paramref name="start"/> (or of its property <paramref name="property"/>).</summary>
    private static List<long> ArrayElementOffsets(ReadOnlySpan<byte> bytes, long start, string? property)
    {
        var offsets = new List<long>();
        var reader = new Utf8JsonReader(bytes[(int)start..], new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 1024 });
        reader.Read();
        if (property is not null)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isMatch = reader.ValueTextEquals(property);
                reader.Read();
                if (isMatch) break;
                reader.Skip();
            }
        }
        if (reader.TokenType != JsonTokenType.StartArray) return offsets;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            offsets.Add(start + reader.TokenStartIndex);
            reader.Skip();
        }
        return offsets;
    }

    /// <summary>System.Text.Json appends " LineNumber: 0 | BytePositionInLine: 5."; the location is reported separately.</summary>
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        var path = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (path > 0) message = message[..path];
        message = message.Replace(" which is not supported in this mode. Change the reader options", "", StringComparison.Ordinal);
        return message.TrimEnd('.', ' ', '|');
    }
}
