using System.Globalization;
using System.Text;

namespace Verity.Admission.Pss.Checks;

/// <summary>Go's <c>%q</c> for the strings PSA quotes (annotation values): a double-quoted string with Go escapes.</summary>
internal static class GoQuote
{
    public static string Quote(string value)
    {
        var b = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                case '\a': b.Append("\\a"); break;
                case '\b': b.Append("\\b"); break;
                case '\f': b.Append("\\f"); break;
                case '\v': b.Append("\\v"); break;
                default:
                    if (rune.Value < 0x20 || rune.Value == 0x7f) b.Append("\\x").Append(rune.Value.ToString("x2", CultureInfo.InvariantCulture));
                    else b.Append(rune.ToString());
                    break;
            }
        }
        return b.Append('"').ToString();
    }
}
