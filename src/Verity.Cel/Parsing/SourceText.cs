namespace Verity.Cel.Parsing;

/// <summary>Maps character offsets of an expression to 1-based line and column numbers.</summary>
internal sealed class SourceText
{
    private readonly List<int> _lineStarts = [0];

    public SourceText(string text)
    {
        Text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public string Text { get; }

    public (int Line, int Column) Locate(int offset)
    {
        var idx = _lineStarts.BinarySearch(offset);
        if (idx < 0)
        {
            idx = ~idx - 1;
        }

        // Columns count Unicode code points (as cel-go does): a surrogate pair is one column.
        var col = 1;
        for (var i = _lineStarts[idx]; i < offset && i < Text.Length; i++)
        {
            if (!char.IsLowSurrogate(Text[i]))
            {
                col++;
            }
        }

        return (idx + 1, col);
    }

    public CelIssue Issue(int offset, string message)
    {
        var (line, col) = Locate(offset);
        return new CelIssue(line, col, offset, message);
    }
}
