using System.Globalization;
using System.Text.RegularExpressions;
using Verity.Cel.Values;

namespace Verity.Cel.Library;

/// <summary>
/// timestamp()/duration() conversions and the calendar accessors
/// (https://github.com/google/cel-spec/blob/master/doc/langdef.md#timestamp-and-duration).
/// Timestamps parse RFC 3339 with up to 9 fractional digits; durations parse Go
/// time.ParseDuration syntax ("1h30m", "-1.5s", units h m s ms us µs ns). Accessors take an
/// optional time zone: an IANA name (resolved with the platform's tz database via
/// <see cref="TimeZoneInfo"/>), "UTC", or a fixed offset "+05:30"/"-08:00".
/// </summary>
internal static partial class TimeLibrary
{
    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^[+-]?\d{1,2}:\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex FixedOffset();

    public static void Register(FunctionRegistry r)
    {
        r.Add("timestamp_to_timestamp", "timestamp(timestamp) -> timestamp", a => a[0]);
        r.Add("string_to_timestamp", "timestamp(string) -> timestamp", a => ParseTimestamp((string)a[0]));
        r.Add("int64_to_timestamp", "timestamp(int) -> timestamp", a =>
        {
            var ts = new CelTimestamp((long)a[0], 0);
            return ts.InRange ? ts : new CelError("timestamp overflow");
        });
        r.Add("duration_to_duration", "duration(duration) -> duration", a => a[0]);
        r.Add("string_to_duration", "duration(string) -> duration", a => ParseDuration((string)a[0]));
        r.Add("int64_to_duration", "duration(int) -> duration", a => new CelDuration((long)a[0]));

        Accessor(r, "getFullYear", (d, _) => d.Year);
        Accessor(r, "getMonth", (d, _) => d.Month - 1);
        Accessor(r, "getDayOfYear", (d, _) => d.DayOfYear - 1);
        Accessor(r, "getDayOfMonth", (d, _) => d.Day - 1);
        Accessor(r, "getDate", (d, _) => d.Day);
        Accessor(r, "getDayOfWeek", (d, _) => (int)d.DayOfWeek);
        Accessor(r, "getHours", (d, _) => d.Hour);
        Accessor(r, "getMinutes", (d, _) => d.Minute);
        Accessor(r, "getSeconds", (d, _) => d.Second);
        Accessor(r, "getMilliseconds", (_, ts) => ts.Nanos / 1_000_000);

        r.Add("duration_to_hours", "duration:getHours() -> int", a => ((CelDuration)a[0]).Nanos / 3_600_000_000_000L);
        r.Add("duration_to_minutes", "duration:getMinutes() -> int", a => ((CelDuration)a[0]).Nanos / 60_000_000_000L);
        r.Add("duration_to_seconds", "duration:getSeconds() -> int", a => ((CelDuration)a[0]).Nanos / 1_000_000_000L);
        // The milliseconds component (cel-spec conformance timestamps/duration_converters: 123.321s → 321).
        r.Add("duration_to_milliseconds", "duration:getMilliseconds() -> int", a => ((CelDuration)a[0]).Nanos % 1_000_000_000L / 1_000_000L);
        r.Add("duration_to_int64", "int(duration) -> int", a => ((CelDuration)a[0]).Nanos);
    }

    private static void Accessor(FunctionRegistry r, string name, Func<DateTime, CelTimestamp, int> f)
    {
        var id = "timestamp_to_" + name[3..].ToLowerInvariant();
        r.Add(id, $"timestamp:{name}() -> int", a => (long)f(((CelTimestamp)a[0]).ToDateTime(), (CelTimestamp)a[0]));
        r.Add(id + "_with_tz", $"timestamp:{name}(string) -> int", a =>
        {
            var ts = (CelTimestamp)a[0];
            var local = InZone(ts, (string)a[1]);
            return local is DateTime dt ? (long)f(dt, ts) : local;
        });
    }

    private static object InZone(CelTimestamp ts, string zone)
    {
        var utc = ts.ToDateTime();
        if (zone is "UTC" or "Z" or "utc")
        {
            return utc;
        }

        if (FixedOffset().IsMatch(zone))
        {
            var neg = zone.StartsWith('-');
            var parts = zone.TrimStart('+', '-').Split(':');
            var off = new TimeSpan(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), 0);
            return utc + (neg ? -off : off);
        }

        try
        {
            var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
            return TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), tz);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return new CelError($"unknown time zone '{zone}'");
        }
    }

    public static object ParseTimestamp(string s)
    {
        var m = Rfc3339().Match(s);
        if (!m.Success)
        {
            return new CelError($"timestamp parse error: '{s}'");
        }

        int G(int i) => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
        try
        {
            var dt = new DateTime(G(1), G(2), G(3), G(4), G(5), G(6), DateTimeKind.Utc);
            long sec = (dt.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;
            var nanos = m.Groups[7].Success ? int.Parse(m.Groups[7].Value.PadRight(9, '0'), CultureInfo.InvariantCulture) : 0;
            var z = m.Groups[8].Value;
            if (z is not "Z" and not "z")
            {
                var sign = z[0] == '-' ? -1 : 1;
                var off = (int.Parse(z[1..3], CultureInfo.InvariantCulture) * 3600) + (int.Parse(z[4..6], CultureInfo.InvariantCulture) * 60);
                sec -= sign * off;
            }

            var ts = new CelTimestamp(sec, nanos);
            return ts.InRange ? ts : new CelError("timestamp overflow");
        }
        catch (ArgumentOutOfRangeException)
        {
            return new CelError($"timestamp parse error: '{s}'");
        }
    }

    /// <summary>Go time.ParseDuration.</summary>
    public static object ParseDuration(string s)
    {
        var err = new CelError($"invalid duration '{s}'");
        var i = 0;
        var neg = false;
        if (i < s.Length && s[i] is '+' or '-')
        {
            neg = s[i] == '-';
            i++;
        }

        if (s[i..] == "0")
        {
            return new CelDuration(0);
        }

        if (i >= s.Length)
        {
            return err;
        }

        Int128 total = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            var intPart = s[start..i];
            var frac = "";
            if (i < s.Length && s[i] == '.')
            {
                i++;
                var fs = i;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }

                frac = s[fs..i];
            }

            if (intPart.Length == 0 && frac.Length == 0)
            {
                return err;
            }

            var us = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            long unit = s[us..i] switch
            {
                "ns" => 1L,
                "us" or "µs" or "μs" => 1_000L,
                "ms" => 1_000_000L,
                "s" => 1_000_000_000L,
                "m" => 60_000_000_000L,
                "h" => 3_600_000_000_000L,
                _ => 0,
            };
            if (unit == 0 || intPart.Length > 20)
            {
                return err;
            }

            var iv = intPart.Length == 0 ? 0 : Int128.Parse(intPart, CultureInfo.InvariantCulture);
            total += iv * unit;
            if (frac.Length > 0)
            {
                Int128 scale = 1;
                for (var k = 0; k < Math.Min(frac.Length, 30); k++)
                {
                    scale *= 10;
                }

                total += Int128.Parse(frac[..Math.Min(frac.Length, 30)], CultureInfo.InvariantCulture) * unit / scale;
            }

            if (total > long.MaxValue)
            {
                return err;
            }
        }

        return new CelDuration((long)(neg ? -total : total));
    }
}
