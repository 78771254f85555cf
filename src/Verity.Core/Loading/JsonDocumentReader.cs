using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
        if (TryParseSingle(bytes) is { } single)
        {
            // Parsed in place: the root's raw bytes are a view of the input, so their offset is where it starts.
            var offset = Unsafe.ByteOffset(ref MemoryMarshal.GetReference(bytes.Span), ref MemoryMarshal.GetReference(JsonMarshal.GetRawUtf8Value(single.RootElement)));
            Add(single.RootElement, offset >= 0 && offset < bytes.Length ? offset : 0, bytes, lines, file, documents);
            return;
        }
        var reader = new Utf8JsonReader(bytes.Span, Options);
        try
        {
            while (reader.Read())
            {
                var start = reader.TokenStartIndex;
                Add(JsonDocument.ParseValue(ref reader).RootElement, start, bytes, lines, file, documents);
            }
        }
        catch (JsonException e)
        {
            var location = new SourceLocation(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, DiagnosticCodes.JsonSyntax, $"JSON syntax error: {Describe(e)}", location));
        }
    }

    /// <summary>
    /// The common case, one JSON value (a kubectl List): parsed in place, without the copy that reading several
    /// values needs. Null when the input holds more than one value or is malformed; the caller then reads value
    /// by value, which reports the exact error position.
    /// </summary>
    private static JsonDocument? TryParseSingle(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 1024 });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A top-level array is a list of objects; anything else is one document.</summary>
    private static void Add(JsonElement root, long start, ReadOnlyMemory<byte> bytes, LineIndex lines, string file, List<RawDocument> documents)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in root.EnumerateArray())
                documents.Add(Document(element, bytes, lines, file, start + OffsetWithin(root, element)));
            return;
        }
        documents.Add(Document(root, bytes, lines, file, start));
    }

    /// <summary>A document, and for a top-level "items" array each element's position and own locator.</summary>
    private static RawDocument Document(JsonElement root, ReadOnlyMemory<byte> bytes, LineIndex lines, string file, long start)
    {
        var (line, column) = lines.Position(start);
        var document = new RawDocument(root, new SourceLocation(file, line, column), new JsonSourceLocator(bytes, lines, file, start, []), null);
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            return document;
        var locations = new List<SourceLocation>(items.GetArrayLength());
        var locators = new List<ISourceLocator?>(locations.Capacity);
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var offset = start + OffsetWithin(root, item);
            var (itemLine, itemColumn) = lines.Position(offset);
            locations.Add(new SourceLocation(file, itemLine, itemColumn, i++));
            locators.Add(new JsonSourceLocator(bytes, lines, file, offset, []));
        }
        return document with { ItemLocations = locations, ItemLocators = locators };
    }

    /// <summary>
    /// Where <paramref name="inner"/> starts, in bytes from the start of <paramref name="outer"/>: both raw spans
    /// view the same parsed buffer, so this costs nothing — no second pass over the input.
    /// </summary>
    private static long OffsetWithin(JsonElement outer, JsonElement inner) =>
        Unsafe.ByteOffset(
            ref MemoryMarshal.GetReference(JsonMarshal.GetRawUtf8Value(outer)),
            ref MemoryMarshal.GetReference(JsonMarshal.GetRawUtf8Value(inner)));

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
