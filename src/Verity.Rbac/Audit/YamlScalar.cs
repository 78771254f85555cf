using System.Globalization;
using System.Text;

namespace Verity.Rbac.Audit;

/// <summary>
/// Renders a string as a YAML scalar that every YAML 1.1 and 1.2 reader (kubectl's sigs.k8s.io/yaml included)
/// reads back as the same string: plain when it starts with a letter or <c>/</c>, has only
/// <c>A-Z a-z 0-9 . _ / -</c> and is no YAML 1.1 boolean or null word; otherwise double-quoted with escapes.
/// </summary>
internal static class YamlScalar
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null",
    };

    public static string Render(string value)
    {
        if (IsPlain(value)) return value;
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (char.IsControl(c)) text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        return text.Append('"').ToString();
    }

    private static bool IsPlain(string value)
    {
        if (value.Length == 0 || Reserved.Contains(value)) return false;
        if (!(char.IsAsciiLetter(value[0]) || value[0] == '/')) return false;
        foreach (var c in value)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '/' or '-')) return false;
        return true;
    }
}
