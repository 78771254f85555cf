using System.Globalization;
using System.Text;

namespace Verity.Cel.Kubernetes;

/// <summary>
/// Go's <c>strconv.Quote</c>, used to reproduce the error texts of Go's parsers (net/netip, net/url,
/// blang/semver) byte for byte for printable input. Non-printable runes are escaped as Go does
/// (\a \b \f \n \r \t \v, \xNN below 0x80, \uNNNN / \UNNNNNNNN otherwise).
/// </summary>
internal static class GoText
{
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        foreach (var r in s.EnumerateRunes())
        {
            switch (r.Value)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (r.Value < 0x20 || r.Value == 0x7f)
                    {
                        sb.Append("\\x").Append(r.Value.ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (r.Value >= 0x80 && !IsPrintable(r))
                    {
                        sb.Append(r.Value > 0xffff ? "\\U" + r.Value.ToString("x8", CultureInfo.InvariantCulture) : "\\u" + r.Value.ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(r.ToString());
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    private static bool IsPrintable(Rune r) => Rune.GetUnicodeCategory(r) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
        UnicodeCategory.SpaceSeparator => r.Value == 0x20,
        _ => true,
    };
}
