using System.Text.Json;
using Verity.Core.Model;

namespace Verity.Core.Loading;

/// <summary>
/// Finds a field's position in JSON source by re-reading the object's bytes on demand (only when a
/// problem is reported). A path that leaves the source resolves to the deepest value that exists.
/// </summary>
internal sealed class JsonSourceLocator(ReadOnlyMemory<byte> bytes, LineIndex lines, string file, long start, IReadOnlyList<object> prefix) : ISourceLocator
{
    public ISourceLocator WithPrefix(params object[] more) => new JsonSourceLocator(bytes, lines, file, start, [.. prefix, .. more]);

    public SourceLocation? Locate(IReadOnlyList<object> path)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes.Span[(int)start..], new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read()) return null;
            var offset = Walk(ref reader, [.. prefix, .. path], 0);
            var (line, column) = lines.Position(start + offset);
            return new SourceLocation(file, line, column);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static long Walk(ref Utf8JsonReader reader, IReadOnlyList<object> path, int depth)
    {
        var here = reader.TokenStartIndex;
        if (depth == path.Count) return here;
        if (reader.TokenType == JsonTokenType.StartObject && path[depth] is string key)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isMatch = reader.ValueTextEquals(key);
                reader.Read();
                if (isMatch) return Walk(ref reader, path, depth + 1);
                reader.Skip();
            }
        }
        else if (reader.TokenType == JsonTokenType.StartArray && path[depth] is int index)
        {
            for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
            {
                if (i == index) return Walk(ref reader, path, depth + 1);
                reader.Skip();
            }
        }
        return here;
    }
}
