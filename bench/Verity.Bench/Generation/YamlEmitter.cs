using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verity.Bench.Generation;

/// <summary>
/// Block-style YAML in go-yaml v2's layout, which is what kubectl prints: keys sorted (Go marshals maps in key
/// order), 2-space indentation, sequences not indented under their key (<c>key:\n- item</c>), empty
/// collections as <c>{}</c>/<c>[]</c>, multi-line strings as literal blocks, and plain or single-quoted
/// strings folded at the first space past column 80 (go-yaml's best_width).
/// </summary>
internal sealed class YamlEmitter(Stream output) : IDisposable
{
    private const int BestWidth = 80;
    private readonly StreamWriter _writer = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
    private int _column;

    /// <summary>Writes whole lines as they are.</summary>
    public void Lines(string text)
    {
        _writer.Write(text);
        _column = 0;
    }

    public void Mapping(JsonObject map, int indent, bool continueLine)
    {
        var first = true;
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!(first && continueLine)) Indent(indent);
            first = false;
            Key(key);
            Write(":");
            switch (value)
            {
                case JsonObject { Count: 0 }: Write(" {}"); NewLine(); break;
                case JsonObject child: NewLine(); Mapping(child, indent + 2, continueLine: false); break;
                case JsonArray { Count: 0 }: Write(" []"); NewLine(); break;
                case JsonArray list: NewLine(); Sequence(list, indent, continueLine: false); break;
                default: Write(" "); Scalar(value, indent + 2); NewLine(); break;
            }
        }
    }

    public void Sequence(JsonArray list, int indent, bool continueLine)
    {
        var first = true;
        foreach (var item in list)
        {
            if (!(first && continueLine)) Indent(indent);
            first = false;
            Write("- ");
            Item(item, indent + 2);
        }
    }

    /// <summary>One <c>- item</c> of a sequence at <paramref name="indent"/>.</summary>
    public void SequenceItem(JsonNode? item, int indent)
    {
        Indent(indent);
        Write("- ");
        Item(item, indent + 2);
    }

    private void Item(JsonNode? item, int indent)
    {
        switch (item)
        {
            case JsonObject { Count: 0 }: Write("{}"); NewLine(); break;
            case JsonObject map: Mapping(map, indent, continueLine: true); break;
            case JsonArray { Count: 0 }: Write("[]"); NewLine(); break;
            case JsonArray list: Sequence(list, indent, continueLine: true); break;
            default: Scalar(item, indent); NewLine(); break;
        }
    }

    private void Scalar(JsonNode? node, int indent)
    {
        if (node is null)
        {
            Write("null");
            return;
        }
        var value = node.AsValue();
        switch (value.GetValueKind())
        {
            case JsonValueKind.String: String(value.GetValue<string>(), indent); break;
            case JsonValueKind.True: Write("true"); break;
            case JsonValueKind.False: Write("false"); break;
            case JsonValueKind.Null: Write("null"); break;
            default: Write(value.ToJsonString()); break;
        }
    }

    private void Key(string key)
    {
        switch (YamlScalars.Choose(key))
        {
            case YamlScalarStyle.Plain: Write(key); break;
            case YamlScalarStyle.SingleQuoted: Write("'" + key.Replace("'", "''") + "'"); break;
            default: DoubleQuoted(key); break;
        }
    }

    private void String(string value, int indent)
    {
        switch (YamlScalars.Choose(value))
        {
            case YamlScalarStyle.Plain: Folded(value, indent, quote: false); break;
            case YamlScalarStyle.SingleQuoted:
                Write("'");
                Folded(value, indent, quote: true);
                Write("'");
                break;
            case YamlScalarStyle.Literal: Literal(value, indent); break;
            default: DoubleQuoted(value); break;
        }
    }

    /// <summary>go-yaml's plain and single-quoted writers: a space past the best width becomes a line break.</summary>
    private void Folded(string value, int indent, bool quote)
    {
        var spaces = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ' ')
            {
                if (!spaces && _column > BestWidth && i != 0 && i != value.Length - 1 && value[i + 1] != ' ')
                {
                    NewLine();
                    Indent(indent);
                }
                else
                {
                    Write(' ');
                }
                spaces = true;
                continue;
            }
            if (quote && c == '\'') Write('\'');
            Write(c);
            spaces = false;
        }
    }

    private void Literal(string value, int indent)
    {
        var chomp = !value.EndsWith('\n') ? "-" : value.EndsWith("\n\n", StringComparison.Ordinal) ? "+" : "";
        var hint = value[0] is ' ' or '\n' ? "2" : "";
        Write("|" + hint + chomp);
        var body = chomp == "-" ? value : value[..^1];
        foreach (var line in body.Split('\n'))
        {
            NewLine();
            if (line.Length == 0) continue;
            Indent(indent);
            Write(line);
        }
    }

    private void DoubleQuoted(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\0' => "\\0",
                '\a' => "\\a",
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\v' => "\\v",
                '\f' => "\\f",
                '\r' => "\\r",
                '\u001b' => "\\e",
                '\u0085' => "\\N",
                '\u00a0' => "\\_",
                '\u2028' => "\\L",
                '\u2029' => "\\P",
                < ' ' or '\u007f' => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        Write(text.Append('"').ToString());
    }

    private void Indent(int indent)
    {
        for (var i = 0; i < indent; i++) _writer.Write(' ');
        _column = indent;
    }

    private void Write(string text)
    {
        _writer.Write(text);
        _column += text.Length;
    }

    private void Write(char c)
    {
        _writer.Write(c);
        _column++;
    }

    private void NewLine()
    {
        _writer.Write('\n');
        _column = 0;
    }

    public void Dispose() => _writer.Dispose();
}
