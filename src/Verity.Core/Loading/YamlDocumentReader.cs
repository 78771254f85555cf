using System.Buffers;
using System.Text.Json;
using Verity.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Verity.Core.Loading;

/// <summary>
/// Reads a multi-document YAML stream into JSON documents, streaming over YamlDotNet's parser events.
/// Empty documents (only comments, or a trailing <c>---</c>) are skipped, as kubectl does. After a
/// syntax error the rest of that document is lost, but reading resumes at the next line that is
/// exactly <c>---</c> — the separator kubectl's YAML reader splits on (k8s.io/apimachinery
/// pkg/util/yaml/decoder.go, YAMLReader) — so the documents after a broken one still load.
/// </summary>
internal static class YamlDocumentReader
{
    public static void Read(string text, string file, List<RawDocument> documents, List<Diagnostic> diagnostics)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, MaxDepth = 1024 });
        var converter = new YamlJsonWriter(buffer, writer);
        var offset = 0;
        var lineOffset = 0;
        while (offset < text.Length)
        {
            var resumeAt = ReadFrom(text, offset, lineOffset, file, buffer, writer, converter, documents, diagnostics);
            if (resumeAt < 0) return;
            lineOffset += CountLines(text, offset, resumeAt);
            offset = resumeAt;
        }
    }

    /// <summary>Reads documents from <paramref name="offset"/>; returns -1 at the end, or where to resume after an error.</summary>
    private static int ReadFrom(string text, int offset, int lineOffset, string file, ArrayBufferWriter<byte> buffer,
        Utf8JsonWriter writer, YamlJsonWriter converter, List<RawDocument> documents, List<Diagnostic> diagnostics)
    {
        using var reader = new StringReader(offset == 0 ? text : text[offset..]);
        var parser = new Parser(reader);
        var documentStart = offset;
        try
        {
            parser.Consume<StreamStart>();
            while (!parser.Accept<StreamEnd>(out _))
            {
                parser.Consume<DocumentStart>();
                var root = parser.Current!;
                documentStart = offset + (int)root.Start.Index;
                var location = new SourceLocation(file, (int)root.Start.Line + lineOffset, (int)root.Start.Column);
                buffer.ResetWrittenCount();
                writer.Reset(buffer);
                converter.Reset();
                converter.WriteRoot(parser);
                writer.Flush();
                var documentEnd = offset + (int)parser.Current!.Start.Index;
                parser.Consume<DocumentEnd>();
                if (IsEmpty(root)) continue;
                var json = JsonDocument.Parse(buffer.WrittenMemory.ToArray());
                var locator = new YamlSourceLocator(text, file, LineStart(text, documentStart), documentEnd, lineOffset + (int)root.Start.Line - 1, []);
                var marks = converter.ItemMarks;
                var items = marks.Count == 0 ? null
                    : marks.Select((m, i) => new SourceLocation(file, (int)m.Line + lineOffset, (int)m.Column, i)).ToList();
                documents.Add(new RawDocument(json.RootElement, location, locator, items)
                {
                    ItemLocators = marks.Count == 0 ? null : marks.Select((m, i) => ItemLocator(text, file, offset, lineOffset, marks, i, documentEnd)).ToList(),
                });
            }
            return -1;
        }
        catch (YamlException e)
        {
            // "While scanning X, found Y": Start marks X, End marks Y — the place to fix.
            diagnostics.Add(Error(file, e.End.Line > 0 ? e.End : e.Start, lineOffset, DiagnosticCodes.YamlSyntax, $"YAML syntax error: {Describe(e)}"));
            return NextSeparator(text, LineStart(text, Math.Max(documentStart, offset + (int)e.Start.Index)));
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet throws this (not a YamlException) for some unterminated flow collections; no position is known
            // beyond the document that was being read.
            var at = new SourceLocation(file, LineNumber(text, documentStart), 1);
            diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, DiagnosticCodes.YamlSyntax, $"YAML syntax error: {e.Message.TrimEnd('.')} (an unclosed {{ or [ ?)", at));
            return NextSeparator(text, LineStart(text, documentStart) + 1);
        }
        catch (YamlLoadException e)
        {
            diagnostics.Add(Error(file, e.Start, lineOffset, DiagnosticCodes.Unsupported, $"unsupported YAML: {e.Message}"));
            return NextSeparator(text, LineStart(text, Math.Max(documentStart, offset + (int)e.Start.Index)));
        }
    }

    /// <summary>
    /// A locator that reads only one item of a block sequence (<c>- apiVersion: …</c>): its source runs from the
    /// line of its dash to the line of the next item, and parses as a one-element sequence. Null for flow-style
    /// items, which then fall back to the document's locator.
    /// </summary>
    private static YamlSourceLocator? ItemLocator(string text, string file, int offset, int lineOffset, List<Mark> marks, int i, int documentEnd)
    {
        var at = offset + (int)marks[i].Index;
        var lineStart = LineStart(text, at);
        var lead = text.AsSpan(lineStart, at - lineStart).TrimStart(' ');
        if (!lead.StartsWith("- ") || !lead[2..].IsWhiteSpace()) return null;
        var end = i + 1 < marks.Count ? LineStart(text, offset + (int)marks[i + 1].Index) : documentEnd;
        return end > lineStart ? new YamlSourceLocator(text, file, lineStart, end, lineOffset + (int)marks[i].Line - 1, [0]) : null;
    }

    private static bool IsEmpty(ParsingEvent root) =>
        root is Scalar { Style: ScalarStyle.Plain, Value: "" or "~" or "null" } scalar && scalar.Tag.IsEmpty;

    private static Diagnostic Error(string file, Mark mark, int lineOffset, string code, string message)
    {
        var location = mark.Line > 0 ? new SourceLocation(file, (int)mark.Line + lineOffset, (int)mark.Column) : new SourceLocation(file);
        return new Diagnostic(DiagnosticLevel.Error, code, message, location);
    }

    /// <summary>YamlDotNet's messages start with "(Line: 3, Col: 5, Idx: 20) - (…): "; the location is reported separately.</summary>
    private static string Describe(YamlException e)
    {
        var message = e.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && marker > 0) message = message[(marker + 3)..];
        return message.TrimEnd('.');
    }

    /// <summary>Index of the first line after a line that is exactly "---" (plus trailing spaces), at or after <paramref name="from"/>; -1 if none.</summary>
    internal static int NextSeparator(string text, int from)
    {
        var lineStart = from;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var end = lineEnd < 0 ? text.Length : lineEnd;
            if (end - lineStart >= 3 && string.CompareOrdinal(text, lineStart, "---", 0, 3) == 0 && text.AsSpan(lineStart + 3, end - lineStart - 3).IsWhiteSpace())
                return lineEnd < 0 ? -1 : lineEnd + 1;
            if (lineEnd < 0) return -1;
            lineStart = lineEnd + 1;
        }
        return -1;
    }

    private static int LineStart(string text, int index)
    {
        index = Math.Clamp(index, 0, text.Length);
        return index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
    }

    private static int LineNumber(string text, int index) => CountLines(text, 0, Math.Clamp(index, 0, text.Length)) + 1;

    private static int CountLines(string text, int from, int to) => text.AsSpan(from, to - from).Count('\n');
}
