using System.Text;
using System.Text.Json;
using Verity.Core.Model;

namespace Verity.Rbac.Audit;

/// <summary>
/// Reads a Kubernetes audit log, streaming, in the forms the API server's log backend and common tools write:
/// <list type="bullet">
/// <item>JSON lines (<c>--audit-log-format=json</c>, the default): one <c>Event</c> per line. A line that
/// cannot be used becomes a diagnostic with its line number and is skipped; the other lines are used.</item>
/// <item>One JSON document spread over several lines (a pretty-printed <c>Event</c>, an <c>EventList</c>
/// with <c>items</c>, or a JSON array of events), recognised when the first value does not end on its
/// first line. A syntax error ends the input: values before it are used, and so are the complete items of a
/// list the error breaks.</item>
/// </list>
/// An <c>EventList</c> or array on one line is also accepted; its items are located by line and
/// <see cref="SourceLocation.ListIndex"/>. This is the only audit type that touches a stream: the caller owns
/// the stream (and decompresses it), nothing here opens files.
/// </summary>
public static class AuditLogReader
{
    /// <summary>Entries in input order, lazily: events and diagnostics for lines that could not be used.
    /// <paramref name="file"/> only names the input in source locations.</summary>
    public static IEnumerable<AuditLogEntry> Read(Stream stream, string file)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(file);
        return ReadEntries(stream, file);
    }

    private static IEnumerable<AuditLogEntry> ReadEntries(Stream stream, string file)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var lineNumber = 0;
        var first = true;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (first && IsIncomplete(line))
            {
                var text = line + "\n" + reader.ReadToEnd();
                foreach (var entry in ReadDocument(text, file, lineNumber)) yield return entry;
                yield break;
            }
            first = false;
            foreach (var entry in ReadLine(line, file, lineNumber)) yield return entry;
        }
    }

    private static List<AuditLogEntry> ReadLine(string line, string file, int lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return Expand(document.RootElement, ReadOnlyMemory<byte>.Empty, file, lineNumber, lineOffsets: null);
        }
        catch (JsonException e)
        {
            var column = e.BytePositionInLine is long b ? (int)b + 1 : 1;
            return [AuditLogEntry.Of(new Diagnostic(DiagnosticLevel.Error, AuditDiagnosticCodes.MalformedLine,
                $"invalid JSON at byte {column}; line skipped", new SourceLocation(file, lineNumber, column)))];
        }
    }

    /// <summary>Reads one or more JSON values spread over lines, starting at <paramref name="firstLine"/>. On a syntax
    /// error, the complete items of a broken list before the error are still used, then reading stops.</summary>
    private static List<AuditLogEntry> ReadDocument(string text, string file, int firstLine)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = LineStarts(bytes, firstLine);
        var entries = new List<AuditLogEntry>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                var recovery = reader;
                JsonDocument document;
                try
                {
                    document = JsonDocument.ParseValue(ref reader);
                }
                catch (JsonException)
                {
                    RecoverItems(ref recovery, file, lineStarts, entries);
                    throw;
                }
                using (document)
                {
                    var end = (int)reader.BytesConsumed;
                    entries.AddRange(Expand(document.RootElement, bytes.AsMemory(start, end - start), file, LineOf(lineStarts, start), lineStarts, start));
                }
            }
        }
        catch (JsonException e)
        {
            var line = firstLine + (int)(e.LineNumber ?? 0);
            var column = e.BytePositionInLine is long b ? (int)b + 1 : 1;
            entries.Add(AuditLogEntry.Of(new Diagnostic(DiagnosticLevel.Error, AuditDiagnosticCodes.MalformedLine,
                $"invalid JSON at line {line}, byte {column}; the rest of the input is skipped", new SourceLocation(file, line, column))));
        }
        return entries;
    }

    /// <summary>From the start of a value that does not parse: the complete items of a top-level array, or of the
    /// <c>items</c> array of a top-level object, up to the syntax error.</summary>
    private static void RecoverItems(ref Utf8JsonReader reader, string file, (int Line, int Offset)[] lineStarts, List<AuditLogEntry> entries)
    {
        try
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isItems = reader.ValueTextEquals("items"u8);
                    reader.Read();
                    if (isItems && reader.TokenType == JsonTokenType.StartArray) break;
                    reader.Skip();
                }
            }
            if (reader.TokenType != JsonTokenType.StartArray) return;
            for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
            {
                var line = LineOf(lineStarts, (int)reader.TokenStartIndex);
                using var item = JsonDocument.ParseValue(ref reader);
                entries.Add(AuditEventParser.Parse(item.RootElement, new SourceLocation(file, line, 1, index)));
            }
        }
        catch (JsonException)
        {
            // The error itself is reported by the caller.
        }
    }

    /// <summary>An Event, or the items of an EventList or array, each parsed with its own location.</summary>
    private static List<AuditLogEntry> Expand(JsonElement root, ReadOnlyMemory<byte> raw, string file, int line, (int Line, int Offset)[]? lineOffsets, int baseOffset = 0)
    {
        JsonElement? items = root.ValueKind switch
        {
            JsonValueKind.Array => root,
            JsonValueKind.Object when IsList(root) && root.GetProperty("items").ValueKind == JsonValueKind.Array => root.GetProperty("items"),
            _ => null,
        };
        if (items is null) return [AuditEventParser.Parse(root, new SourceLocation(file, line, 1))];
        // Items on one line share its line number; in a multi-line document each gets the line it starts on.
        var offsets = lineOffsets is null ? [] : ItemOffsets(raw.Span, root.ValueKind == JsonValueKind.Array);
        var entries = new List<AuditLogEntry>();
        var index = 0;
        foreach (var item in items.Value.EnumerateArray())
        {
            var itemLine = index < offsets.Count ? LineOf(lineOffsets!, baseOffset + offsets[index]) : line;
            entries.Add(AuditEventParser.Parse(item, new SourceLocation(file, itemLine, 1, index)));
            index++;
        }
        return entries;
    }

    private static bool IsList(JsonElement root) =>
        root.TryGetProperty("items", out _)
        && (!root.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String || kind.GetString()!.EndsWith("List", StringComparison.Ordinal));

    /// <summary>Byte offsets of the values in the top-level array, or in the <c>items</c> array of the top-level object.</summary>
    private static List<int> ItemOffsets(ReadOnlySpan<byte> raw, bool isArray)
    {
        var offsets = new List<int>();
        var reader = new Utf8JsonReader(raw);
        var inItems = false;
        var itemsDepth = isArray ? 0 : 1;
        while (reader.Read())
        {
            if (!isArray && reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                inItems = reader.ValueTextEquals("items"u8);
            else if (reader.TokenType == JsonTokenType.StartArray && reader.CurrentDepth == itemsDepth && (isArray || inItems))
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    offsets.Add((int)reader.TokenStartIndex);
                    reader.Skip();
                }
                return offsets;
            }
        }
        return offsets;
    }

    /// <summary>True when <paramref name="line"/> starts a JSON value that it does not finish (a pretty-printed document).</summary>
    private static bool IsIncomplete(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) return false;
            }
            return reader.CurrentDepth > 0 || reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static (int Line, int Offset)[] LineStarts(byte[] bytes, int firstLine)
    {
        var starts = new List<(int, int)> { (firstLine, 0) };
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n') starts.Add((firstLine + starts.Count, i + 1));
        return [.. starts];
    }

    private static int LineOf((int Line, int Offset)[] starts, int offset)
    {
        var lo = 0;
        var hi = starts.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (starts[mid].Offset <= offset) lo = mid;
            else hi = mid - 1;
        }
        return starts[lo].Line;
    }
}
