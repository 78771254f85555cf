namespace Verity.Cli.Output;

/// <summary>
/// Greedy word wrapping for indented text. Spectre's own wrapping pads every line to the full width,
/// which leaves trailing blanks in logs and files; this does not. A word longer than the width stands alone.
/// </summary>
internal static class TextWrap
{
    public static IEnumerable<string> Wrap(string text, int width)
    {
        width = Math.Max(width, 20);
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length == 0) line = word;
                else if (line.Length + 1 + word.Length <= width) line += " " + word;
                else
                {
                    yield return line;
                    line = word;
                }
            }
            yield return line;
        }
    }
}
