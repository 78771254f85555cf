using System.Buffers;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Verity.Core.Loading;

/// <summary>
/// Writes one YAML node, read as parser events, straight to JSON — no intermediate object graph.
/// Handles anchors and aliases (an alias repeats the JSON its anchor produced) and the YAML 1.1 merge
/// key <c>&lt;&lt;</c> as go-yaml does. Limit: with a merge key, an explicit key written before the
/// <c>&lt;&lt;</c> is overridden by the merged one (JSON consumers take the last duplicate); write
/// <c>&lt;&lt;</c> first, as is customary. While writing the document root it records the start of each
/// element of a top-level <c>items</c> sequence, so list items know their line.
/// </summary>
internal sealed class YamlJsonWriter(ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
{
    private const int MaxDepth = 200;
    private readonly Dictionary<string, byte[]> _anchors = new(StringComparer.Ordinal);

    /// <summary>Start marks of the root's <c>items</c> elements, in order.</summary>
    public List<Mark> ItemMarks { get; } = [];

    public void Reset()
    {
        _anchors.Clear();
        ItemMarks.Clear();
    }

    public void WriteRoot(IParser parser) => WriteNode(parser, depth: 0, recordItems: false);

    private void WriteNode(IParser parser, int depth, bool recordItems)
    {
        var current = parser.Current ?? throw new YamlLoadException(Mark.Empty, "unexpected end of input");
        if (depth > MaxDepth) throw new YamlLoadException(current.Start, $"nesting deeper than {MaxDepth} levels");
        if (current is AnchorAlias alias)
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var fragment))
                throw new YamlLoadException(alias.Start, $"alias *{alias.Value.Value} refers to an unknown anchor");
            writer.WriteRawValue(fragment, skipInputValidation: true);
            parser.MoveNext();
            return;
        }
        var anchor = current is NodeEvent { Anchor.IsEmpty: false } node ? node.Anchor.Value : null;
        var start = 0;
        if (anchor is not null)
        {
            writer.Flush();
            start = buffer.WrittenCount;
        }
        switch (current)
        {
            case Scalar scalar:
                ScalarResolver.Write(writer, scalar);
                parser.MoveNext();
                break;
            case SequenceStart:
                parser.MoveNext();
                writer.WriteStartArray();
                while (parser.Current is not SequenceEnd)
                {
                    if (recordItems) ItemMarks.Add(parser.Current!.Start);
                    WriteNode(parser, depth + 1, recordItems: false);
                }
                parser.MoveNext();
                writer.WriteEndArray();
                break;
            case MappingStart:
                parser.MoveNext();
                writer.WriteStartObject();
                WriteMappingBody(parser, depth, isRoot: depth == 0);
                parser.MoveNext();
                writer.WriteEndObject();
                break;
            default:
                throw new YamlLoadException(current.Start, $"unexpected {current.GetType().Name}");
        }
        if (anchor is not null)
        {
            writer.Flush();
            var span = buffer.WrittenSpan[start..];
            if (span.Length > 0 && span[0] == (byte)',') span = span[1..];
            _anchors[anchor] = span.ToArray();
        }
    }

    /// <summary>Writes key/value pairs until the MappingEnd (left as the current event).</summary>
    private void WriteMappingBody(IParser parser, int depth, bool isRoot)
    {
        while (parser.Current is not MappingEnd)
        {
            if (parser.Current is not Scalar key)
                throw new YamlLoadException(parser.Current!.Start, "a mapping key must be a plain value, not a list or mapping");
            parser.MoveNext();
            if (key.Style == ScalarStyle.Plain && key.Value == "<<" && key.Tag.IsEmpty)
            {
                WriteMerge(parser, depth);
                continue;
            }
            var name = ScalarResolver.KeyText(key);
            writer.WritePropertyName(name);
            WriteNode(parser, depth + 1, recordItems: isRoot && name == "items" && parser.Current is SequenceStart);
        }
    }

    /// <summary>The merge key's value: an alias, an inline mapping, or a sequence of those.</summary>
    private void WriteMerge(IParser parser, int depth)
    {
        switch (parser.Current)
        {
            case AnchorAlias alias:
                if (!_anchors.TryGetValue(alias.Value.Value, out var fragment))
                    throw new YamlLoadException(alias.Start, $"alias *{alias.Value.Value} refers to an unknown anchor");
                using (var merged = JsonDocument.Parse(fragment))
                {
                    if (merged.RootElement.ValueKind != JsonValueKind.Object)
                        throw new YamlLoadException(alias.Start, "a merge key (<<) must refer to a mapping");
                    foreach (var property in merged.RootElement.EnumerateObject()) property.WriteTo(writer);
                }
                parser.MoveNext();
                break;
            case MappingStart:
                parser.MoveNext();
                WriteMappingBody(parser, depth + 1, isRoot: false);
                parser.MoveNext();
                break;
            case SequenceStart:
                parser.MoveNext();
                while (parser.Current is not SequenceEnd) WriteMerge(parser, depth + 1);
                parser.MoveNext();
                break;
            default:
                throw new YamlLoadException(parser.Current!.Start, "a merge key (<<) must refer to a mapping");
        }
    }
}
