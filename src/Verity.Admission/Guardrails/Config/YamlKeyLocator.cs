using Verity.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Verity.Admission.Guardrails.Config;

/// <summary>
/// Finds where a mapping <em>key</em> is written in YAML source, for problems that are about a key (an unknown field,
/// an unknown policy id): <see cref="KubeObject.LocationOf"/> points at values, which for a nested mapping is the line
/// below the key. The document is the one whose root node starts at the object's source position. Null when the text
/// is not YAML, the key is absent or the source cannot be re-read; callers then fall back to the value's location.
/// </summary>
internal sealed class YamlKeyLocator(string text, SourceLocation documentRoot)
{
    public SourceLocation? LocateKey(IReadOnlyList<object> path)
    {
        if (path.Count == 0 || path[^1] is not string) return null;
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            while (parser.Accept<DocumentStart>(out _))
            {
                parser.Consume<DocumentStart>();
                var root = parser.Current!;
                if (root.Start.Line == documentRoot.Line && root.Start.Column == documentRoot.Column)
                    return Walk(parser, path, 0) is Mark m ? new SourceLocation(documentRoot.File, (int)m.Line, (int)m.Column) : null;
                parser.SkipThisAndNestedEvents();
                parser.Consume<DocumentEnd>();
            }
        }
        catch (YamlException)
        {
        }
        return null;
    }

    private static Mark? Walk(IParser parser, IReadOnlyList<object> path, int depth)
    {
        var node = parser.Current!;
        switch (node, path[depth])
        {
            case (MappingStart, string key):
                parser.MoveNext();
                while (parser.Current is not MappingEnd)
                {
                    var keyNode = parser.Current;
                    var isMatch = keyNode is Scalar scalar && scalar.Value == key;
                    parser.SkipThisAndNestedEvents();
                    if (isMatch) return depth == path.Count - 1 ? keyNode!.Start : Walk(parser, path, depth + 1);
                    parser.SkipThisAndNestedEvents();
                }
                return null;
            case (SequenceStart, int index):
                parser.MoveNext();
                for (var i = 0; parser.Current is not SequenceEnd; i++)
                {
                    if (i == index) return depth == path.Count - 1 ? null : Walk(parser, path, depth + 1);
                    parser.SkipThisAndNestedEvents();
                }
                return null;
            default:
                return null;
        }
    }
}
