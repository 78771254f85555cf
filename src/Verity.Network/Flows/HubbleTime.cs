namespace Verity.Network.Flows;

/// <summary>
/// The fast path for Hubble's timestamps, which are always UTC RFC 3339 with nanoseconds
/// (<c>2021-11-10T10:40:56.465597700Z</c>): digits read in place, fraction truncated to ticks (100 ns), as
/// <see cref="System.Text.Json.Utf8JsonReader.TryGetDateTimeOffset"/> does. Anything else (an offset, no fraction,
/// a malformed value) returns false and the caller uses the general parser, so this only saves time.
/// </summary>
internal static class HubbleTime
{
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset time)
    {
        time = default;
        // yyyy-MM-ddTHH:mm:ss.f…Z : 19 fixed characters, a dot, 1–9 digits, Z.
        if (text.Length < 22 || text.Length > 30 || text[^1] != 'Z' || text[4] != '-' || text[7] != '-' || text[10] != 'T'
            || text[13] != ':' || text[16] != ':' || text[19] != '.')
            return false;
        if (!Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || !Digits(text.Slice(11, 2), out var hour) || !Digits(text.Slice(14, 2), out var minute) || !Digits(text.Slice(17, 2), out var second))
            return false;
        var fraction = text[20..^1];
        if (fraction.Length is 0 or > 9 || !Digits(fraction[..Math.Min(7, fraction.Length)], out var ticks)) return false;
        for (var i = 7; i < fraction.Length; i++) if (!char.IsAsciiDigit((char)fraction[i])) return false;
        for (var i = fraction.Length; i < 7; i++) ticks *= 10;
        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
        time = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks), TimeSpan.Zero);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
