using System.Globalization;
using System.Text;

namespace Verity.Cel.Values;

/// <summary>
/// Core CEL value semantics: runtime type, equality (heterogeneous numeric, structural on
/// lists/maps/messages), ordering, and canonical string forms
/// (https://github.com/google/cel-spec/blob/master/doc/langdef.md#equality).
/// </summary>
internal static class ValueOps
{
    public const int Unordered = 2;
    public const int NoOverload = 3;

    public static CelTypeValue TypeOf(object v) => v switch
    {
        long => CelTypeValue.Int,
        ulong => CelTypeValue.Uint,
        double => CelTypeValue.Double,
        bool => CelTypeValue.Bool,
        string => CelTypeValue.String,
        CelBytes => CelTypeValue.Bytes,
        CelNull => CelTypeValue.Null,
        CelList => CelTypeValue.List,
        CelMap => CelTypeValue.Map,
        CelTypeValue => CelTypeValue.Type,
        CelTimestamp => CelTypeValue.Timestamp,
        CelDuration => CelTypeValue.Duration,
        CelOptional => CelTypeValue.Optional,
        CelMessage m => new CelTypeValue(m.TypeName),
        ICelOpaqueValue o => new CelTypeValue(o.TypeName),
        _ => CelTypeValue.Dyn,
    };

    public static bool IsNumber(object v) => v is long or ulong or double;

    /// <summary>CEL equality of two non-error values.</summary>
    public static bool Equal(object a, object b)
    {
        switch (a)
        {
            case long or ulong or double:
                return IsNumber(b) && CompareNumbers(a, b) == 0;
            case string s:
                return b is string t && string.Equals(s, t, StringComparison.Ordinal);
            case bool x:
                return b is bool y && x == y;
            case CelBytes bytes:
                return bytes.Equals(b);
            case CelNull:
                return b is CelNull;
            case CelTypeValue tv:
                return tv.Equals(b);
            case CelTimestamp ts:
                return b is CelTimestamp ts2 && ts.Equals(ts2);
            case CelDuration d:
                return b is CelDuration d2 && d.Equals(d2);
            case CelOptional o:
                return b is CelOptional o2 && o.HasValue == o2.HasValue && (!o.HasValue || Equal(o.Value!, o2.Value!));
            case CelList la:
            {
                if (b is not CelList lb || la.Count != lb.Count)
                {
                    return false;
                }

                for (var i = 0; i < la.Count; i++)
                {
                    if (!Equal(la[i], lb[i]))
                    {
                        return false;
                    }
                }

                return true;
            }

            case CelMap ma:
            {
                if (b is not CelMap mb || ma.Count != mb.Count)
                {
                    return false;
                }

                foreach (var kv in ma.Entries())
                {
                    if (!mb.TryGet(kv.Key, out var v2) || !Equal(kv.Value, v2))
                    {
                        return false;
                    }
                }

                return true;
            }

            case CelMessage msg:
            {
                if (b is not CelMessage m2 || m2.TypeName != msg.TypeName || msg.Fields.Count != m2.Fields.Count)
                {
                    return false;
                }

                foreach (var kv in msg.Fields)
                {
                    if (!m2.Fields.TryGetValue(kv.Key, out var v2) || !Equal(kv.Value, v2))
                    {
                        return false;
                    }
                }

                return true;
            }

            case ICelOpaqueValue:
                return a.Equals(b);
            default:
                return ReferenceEquals(a, b);
        }
    }

    /// <summary>Compares two numbers of any numeric type exactly; <see cref="Unordered"/> if a NaN is involved.</summary>
    public static int CompareNumbers(object a, object b)
    {
        switch (a, b)
        {
            case (long x, long y): return x.CompareTo(y);
            case (ulong x, ulong y): return x.CompareTo(y);
            case (double x, double y): return double.IsNaN(x) || double.IsNaN(y) ? Unordered : x.CompareTo(y);
            case (long x, ulong y): return x < 0 ? -1 : ((ulong)x).CompareTo(y);
            case (ulong x, long y): return y < 0 ? 1 : x.CompareTo((ulong)y);
            // Like cel-go, int/uint vs double compare after converting the integer to double.
            case (double x, long y): return double.IsNaN(x) ? Unordered : x.CompareTo((double)y);
            case (long x, double y): return double.IsNaN(y) ? Unordered : ((double)x).CompareTo(y);
            case (double x, ulong y): return double.IsNaN(x) ? Unordered : x.CompareTo((double)y);
            case (ulong x, double y): return double.IsNaN(y) ? Unordered : ((double)x).CompareTo(y);
            default: return NoOverload;
        }
    }

    /// <summary>Ordering for &lt; &lt;= &gt; &gt;=: -1/0/1, <see cref="Unordered"/> for NaN, <see cref="NoOverload"/> otherwise.</summary>
    public static int Compare(object a, object b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            return CompareNumbers(a, b);
        }

        return (a, b) switch
        {
            (string x, string y) => Math.Sign(CompareCodePoints(x, y)),
            (bool x, bool y) => x.CompareTo(y),
            (CelBytes x, CelBytes y) => Math.Sign(x.CompareTo(y)),
            (CelTimestamp x, CelTimestamp y) => x.CompareTo(y),
            (CelDuration x, CelDuration y) => x.CompareTo(y),
            (ICelOpaqueValue x, ICelOpaqueValue y) when x.TypeName == y.TypeName && x is IComparable c => Math.Sign(c.CompareTo(y)),
            _ => NoOverload,
        };
    }

    /// <summary>Orders strings by Unicode code point (not UTF-16 unit), as CEL requires.</summary>
    public static int CompareCodePoints(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x == y)
            {
                continue;
            }

            var xs = char.IsSurrogate(x);
            var ys = char.IsSurrogate(y);
            if (xs != ys)
            {
                return xs ? 1 : -1;
            }

            return x.CompareTo(y);
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>The string() conversion / display form of a value.</summary>
    public static string Format(object v) => v switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture),
        double d => FormatDouble(d),
        bool b => b ? "true" : "false",
        CelBytes b => Encoding.UTF8.GetString(b.Data),
        CelNull => "null",
        CelTimestamp ts => FormatTimestamp(ts),
        CelDuration d => FormatDuration(d),
        CelTypeValue t => t.Name,
        CelList l => "[" + string.Join(", ", l.Items().Select(Format)) + "]",
        CelMap m => "{" + string.Join(", ", m.Entries().Select(kv => Format(kv.Key) + ": " + Format(kv.Value))) + "}",
        CelOptional o => o.HasValue ? $"optional({Format(o.Value!)})" : "optional.none()",
        CelMessage m => m.TypeName + "{...}",
        CelError e => e.Message,
        _ => v.ToString() ?? "",
    };

    /// <summary>Formats like Go strconv.FormatFloat(d, 'g', -1, 64), which cel-go uses for string(double).</summary>
    public static string FormatDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsPositiveInfinity(d))
        {
            return "+Inf";
        }

        if (double.IsNegativeInfinity(d))
        {
            return "-Inf";
        }

        if (d == 0)
        {
            return double.IsNegative(d) ? "-0" : "0";
        }

        // Shortest round-trip digits and decimal exponent; Go's 'g' with shortest precision switches
        // to exponent form when the exponent is < -4 or >= 6 (so 1e6 formats as "1e+06", like cel-go).
        var shortest = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        var (digits, exp) = Digits(shortest);
        var sign = d < 0 ? "-" : "";
        var x = exp - 1;
        if (x < -4 || x >= 6)
        {
            var mant = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            var es = Math.Abs(x) < 10 ? "0" + Math.Abs(x) : Math.Abs(x).ToString(CultureInfo.InvariantCulture);
            return sign + mant + "e" + (x < 0 ? "-" : "+") + es;
        }

        if (exp <= 0)
        {
            return sign + "0." + new string('0', -exp) + digits;
        }

        if (exp >= digits.Length)
        {
            return sign + digits + new string('0', exp - digits.Length);
        }

        return sign + digits[..exp] + "." + digits[exp..];
    }

    // Parses .NET "R" output into significant digits and the position of the decimal point.
    private static (string Digits, int Exp) Digits(string s)
    {
        var e = 0;
        var ei = s.IndexOfAny(['E', 'e']);
        if (ei >= 0)
        {
            e = int.Parse(s[(ei + 1)..], CultureInfo.InvariantCulture);
            s = s[..ei];
        }

        var dot = s.IndexOf('.');
        var intPart = dot >= 0 ? s[..dot] : s;
        var frac = dot >= 0 ? s[(dot + 1)..] : "";
        var all = intPart + frac;
        var pointPos = intPart.Length + e;
        var lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
        {
            lead++;
        }

        all = all[lead..];
        pointPos -= lead;
        all = all.TrimEnd('0');
        if (all.Length == 0)
        {
            all = "0";
        }

        return (all, pointPos);
    }

    public static string FormatTimestamp(CelTimestamp ts)
    {
        var dt = DateTime.UnixEpoch.AddSeconds(ts.Seconds);
        var s = dt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (ts.Nanos != 0)
        {
            s += "." + ts.Nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return s + "Z";
    }

    public static string FormatDuration(CelDuration d)
    {
        var sec = Math.DivRem(d.Nanos, 1_000_000_000L, out var ns);
        var sign = d.Nanos < 0 ? "-" : "";
        var s = sign + Math.Abs(sec).ToString(CultureInfo.InvariantCulture);
        if (ns != 0)
        {
            s += "." + Math.Abs(ns).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return s + "s";
    }
}
