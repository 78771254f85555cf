using System.Text;

namespace Verity.Core.Loading;

/// <summary>Maps a byte offset in UTF-8 text to a 1-based line and column (columns count characters).</summary>
internal sealed class LineIndex
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly List<int> _lineStarts = [0];

    public LineIndex(ReadOnlyMemory<byte> bytes)
    {
        _bytes = bytes;
        var span = bytes.Span;
        var at = 0;
        while (true)
        {
            var next = span[at..].IndexOf((byte)'\n');
            if (next < 0) break;
            at += next + 1;
            _lineStarts.Add(at);
        }
    }

    public (int Line, int Column) Position(long offset)
    {
        var index = _lineStarts.BinarySearch((int)offset);
        var line = index >= 0 ? index : ~index - 1;
        var start = _lineStarts[line];
        var column = Encoding.UTF8.GetCharCount(_bytes.Span[start..(int)offset]) + 1;
        return (line + 1, column);
    }
}
