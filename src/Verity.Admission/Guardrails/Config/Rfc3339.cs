using System.Globalization;
using System.Text.RegularExpressions;

namespace Verity.Admission.Guardrails.Config;

/// <summary>
/// Reads an exception's <c>expires</c>: an RFC 3339 full-date (<c>2027-06-30</c>, meaning 00:00 UTC that day — the
/// exception applies up to the end of the day before) or date-time with an explicit offset
/// (<c>2027-06-30T18:00:00Z</c>, <c>2027-06-30T18:00:00+02:00</c>, fractional seconds allowed). A time without an
/// offset is rejected: it would mean a different instant on every machine.
/// </summary>
internal static partial class Rfc3339
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        if (!Pattern().IsMatch(text)) return false;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?:[Tt]\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?(?:[Zz]|[+-]\d{2}:\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
