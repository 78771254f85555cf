using System.Text;

namespace Verity.Core.Model;

/// <summary>Renders and parses field paths such as <c>spec.template.spec.containers[0].image</c>.</summary>
public static class FieldPath
{
    /// <summary>Segments are strings (keys) or ints (indexes).</summary>
    public static string Format(IEnumerable<object> path)
    {
        var text = new StringBuilder();
        foreach (var segment in path)
        {
            if (segment is int index) text.Append('[').Append(index).Append(']');
            else
            {
                var key = (string)segment;
                var plain = key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
                if (!plain) text.Append("[\"").Append(key).Append("\"]");
                else
                {
                    if (text.Length > 0) text.Append('.');
                    text.Append(key);
                }
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// Parses System.Text.Json's exception paths (<c>$.spec.containers[0].ports</c>, <c>$['a.b']</c>) into segments.
    /// </summary>
    public static IReadOnlyList<object> ParseJsonPath(string? jsonPath)
    {
        var segments = new List<object>();
        if (string.IsNullOrEmpty(jsonPath)) return segments;
        var i = jsonPath.StartsWith('$') ? 1 : 0;
        while (i < jsonPath.Length)
        {
            if (jsonPath[i] == '.')
            {
                var end = i + 1;
                while (end < jsonPath.Length && jsonPath[end] is not '.' and not '[') end++;
                segments.Add(jsonPath[(i + 1)..end]);
                i = end;
            }
            else if (jsonPath[i] == '[' && i + 1 < jsonPath.Length && jsonPath[i + 1] == '\'')
            {
                var end = jsonPath.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0) break;
                segments.Add(jsonPath[(i + 2)..end]);
                i = end + 2;
            }
            else if (jsonPath[i] == '[')
            {
                var end = jsonPath.IndexOf(']', i);
                if (end < 0 || !int.TryParse(jsonPath.AsSpan(i + 1, end - i - 1), out var index)) break;
                segments.Add(index);
                i = end + 1;
            }
            else break;
        }
        return segments;
    }
}
