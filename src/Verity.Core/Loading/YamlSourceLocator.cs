using Verity.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Verity.Core.Loading;

/// <summary>
/// Finds a field's position in YAML source by re-parsing the object's document on demand. Only used when
/// a problem is reported, so loading never pays for it. <paramref name="start"/> is the index of the line
/// where the document's root node begins, <paramref name="end"/> where its source ends,
/// <paramref name="lineOffset"/> the number of lines before <paramref name="start"/>.
/// A path that leaves the source (an absent key, an index past the end) resolves to the deepest node that exists.
/// </summary>
internal sealed class YamlSourceLocator(string text, string file, int start, int end, int lineOffset, IReadOnlyList<object> prefix) : ISourceLocator
{
    public ISourceLocator WithPrefix(params object[] more) => new YamlSourceLocator(text, file, start, end, lineOffset, [.. prefix, .. more]);

    public SourceLocation? Locate(IReadOnlyList<object> path)
    {
        try
        {
            using var reader = new StringReader(text[start..end]);
            var parser = new Parser(reader);
            parser.Consume<StreamStart>();
            parser.Consume<DocumentStart>();
            var mark = Walk(parser, [.. prefix, .. path], 0);
            return mark is Mark m ? new SourceLocation(file, (int)m.Line + lineOffset, (int)m.Column) : null;
        }
        catch (YamlException)
        {
            return null;
        }
    }

    private static Mark? Walk(IParser parser, IReadOnlyList<object> path, int depth)
    {
        var node = parser.Current!;
        if (depth == path.Count) return node.Start;
        switch (node, path[depth])
        {
            case (MappingStart, string key):
                parser.MoveNext();
                while (parser.Current is not MappingEnd)
                {
                    var isMatch = parser.Current is Scalar scalar && scalar.Value == key;
                    parser.SkipThisAndNestedEvents();
                    if (isMatch) return Walk(parser, path, depth + 1);
                    parser.SkipThisAndNestedEvents();
                }
                return node.Start; // the key is absent: point at the mapping that lacks it
            case (SequenceStart, int index):
                parser.MoveNext();
                for (var i = 0; parser.Current is not SequenceEnd; i++)
                {
                    if (i == index) return Walk(parser, path, depth + 1);
                    parser.SkipThisAndNestedEvents();
                }
                return node.Start;
            default:
                return node.Start;
        }
    }
}
