using System.Globalization;
using System.Numerics;
using System.Text;
using Verity.Cel.Values;

namespace Verity.Cel.Library;

/// <summary>
/// string.format(list) of cel-go ext.Strings: clauses %s %d %f %e %b %o %x %X with optional
/// precision (%.3f), and %% for a literal percent. Fixed-point and scientific output round the
/// exact binary value half-to-even, like Go's strconv. Error texts follow cel-go.
/// </summary>
internal static class StringFormatter
{
    public static object Format(string format, CelList args)
    {
        var sb = new StringBuilder();
        var argIndex = 0;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%')
            {
                sb.Append(c);
                continue;
            }

            i++;
            if (i >= format.Length)
            {
                return new CelError("could not parse formatting clause: unexpected end of string");
            }

            if (format[i] == '%')
            {
                sb.Append('%');
                continue;
            }

            int? precision = null;
            if (format[i] == '.')
            {
                var ps = ++i;
                while (i < format.Length && char.IsAsciiDigit(format[i]))
                {
                    i++;
                }

                if (i == ps || i >= format.Length)
                {
                    return new CelError("could not parse formatting clause: invalid precision");
                }

                if (i - ps > 4)
                {
                    return new CelError("could not parse formatting clause: precision too large");
                }

                precision = int.Parse(format[ps..i], CultureInfo.InvariantCulture);
            }

            var verb = format[i];
            if (verb is not ('s' or 'd' or 'f' or 'e' or 'b' or 'o' or 'x' or 'X'))
            {
                return new CelError($"could not parse formatting clause: unrecognized formatting clause \"{verb}\"");
            }

            if (argIndex >= args.Count)
            {
                return new CelError($"index {argIndex} out of range");
            }

            var arg = args[argIndex++];
            var r = Clause(verb, precision, arg);
            if (r is CelError)
            {
                return r;
            }

            sb.Append((string)r);
        }

        return sb.ToString();
    }

    private static CelError Err(string what) => new("error during formatting: " + what);

    private static string TypeName(object v) => ValueOps.TypeOf(v).Name;

    private static string? NonFinite(object v) => v is double d && !double.IsFinite(d)
        ? double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity"
        : null;

    private static object Clause(char verb, int? precision, object arg)
    {
        switch (verb)
        {
            case 's':
                return AsString(arg);
            case 'd':
                return arg switch
                {
                    long or ulong => ValueOps.Format(arg),
                    double when NonFinite(arg) is { } nf => nf,
                    _ => Err($"decimal clause can only be used on integers, was given {TypeName(arg)}"),
                };
            case 'f':
                return arg switch
                {
                    double when NonFinite(arg) is { } nf => nf,
                    double d => Fixed(d, precision ?? 6),
                    _ => Err($"fixed-point clause can only be used on doubles, was given {TypeName(arg)}"),
                };
            case 'e':
                return arg switch
                {
                    double when NonFinite(arg) is { } nf => nf,
                    double d => Scientific(d, precision ?? 6),
                    _ => Err($"scientific clause can only be used on doubles, was given {TypeName(arg)}"),
                };
            case 'b':
                return arg switch
                {
                    long l => Radix(l, 2),
                    ulong u => Radix(u, 2),
                    bool b => b ? "1" : "0",
                    _ => Err($"only integers and bools can be formatted as binary, was given {TypeName(arg)}"),
                };
            case 'o':
                return arg switch
                {
                    long l => Radix(l, 8),
                    ulong u => Radix(u, 8),
                    _ => Err($"octal clause can only be used on integers, was given {TypeName(arg)}"),
                };
            default:
            {
                var hex = arg switch
                {
                    long l => Radix(l, 16),
                    ulong u => Radix(u, 16),
                    string s => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(s)),
                    CelBytes b => Convert.ToHexStringLower(b.Data),
                    _ => null,
                };
                if (hex is null)
                {
                    return Err($"only integers, byte buffers, and strings can be formatted as hex, was given {TypeName(arg)}");
                }

                return verb == 'X' ? hex.ToUpperInvariant() : hex;
            }
        }
    }

    private static string Radix(long v, int radix) =>
        v < 0 ? "-" + Radix((ulong)(-(Int128)v), radix) : Radix((ulong)v, radix);

    private static string Radix(ulong v, int radix)
    {
        if (v == 0)
        {
            return "0";
        }

        var sb = new StringBuilder();
        while (v > 0)
        {
            sb.Insert(0, "0123456789abcdef"[(int)(v % (ulong)radix)]);
            v /= (ulong)radix;
        }

        return sb.ToString();
    }

    private static object AsString(object v)
    {
        switch (v)
        {
            case string s:
                return s;
            case double d:
                return NonFinite(d) ?? ValueOps.FormatDouble(d);
            case long or ulong or bool or CelNull or CelTimestamp or CelDuration or CelTypeValue:
                return ValueOps.Format(v);
            case CelBytes b:
                return Encoding.UTF8.GetString(b.Data);
            case CelList list:
            {
                var parts = new List<string>();
                foreach (var item in list.Items())
                {
                    var p = AsString(item);
                    if (p is CelError)
                    {
                        return p;
                    }

                    parts.Add((string)p);
                }

                return "[" + string.Join(", ", parts) + "]";
            }

            case CelMap map:
            {
                var parts = new List<(string Key, string Value)>();
                foreach (var kv in map.Entries())
                {
                    var k = AsString(kv.Key);
                    var val = AsString(kv.Value);
                    if (k is CelError)
                    {
                        return k;
                    }

                    if (val is CelError)
                    {
                        return val;
                    }

                    parts.Add(((string)k, (string)val));
                }

                parts.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
                return "{" + string.Join(", ", parts.Select(p => p.Key + ": " + p.Value)) + "}";
            }

            default:
                return Err("string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps, was given " + TypeName(v));
        }
    }

    /// <summary>Exact decimal digits of |d| × 10^scale rounded half-to-even to an integer.</summary>
    private static BigInteger ScaledRounded(double d, int scale)
    {
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(d));
        var exp = (int)((bits >> 52) & 0x7FF);
        var mant = bits & 0xFFFFFFFFFFFFFL;
        if (exp == 0)
        {
            exp = 1;
        }
        else
        {
            mant |= 1L << 52;
        }

        exp -= 1075;
        BigInteger num = mant;
        BigInteger den = 1;
        if (exp >= 0)
        {
            num <<= exp;
        }
        else
        {
            den <<= -exp;
        }

        if (scale >= 0)
        {
            num *= BigInteger.Pow(10, scale);
        }
        else
        {
            den *= BigInteger.Pow(10, -scale);
        }

        var q = BigInteger.DivRem(num, den, out var rem);
        var twice = rem * 2;
        if (twice > den || (twice == den && !q.IsEven))
        {
            q += 1;
        }

        return q;
    }

    public static string Fixed(double d, int precision)
    {
        var digits = ScaledRounded(d, precision).ToString(CultureInfo.InvariantCulture);
        if (precision > 0)
        {
            digits = digits.PadLeft(precision + 1, '0');
            digits = digits[..^precision] + "." + digits[^precision..];
        }

        return (double.IsNegative(d) && d != 0 ? "-" : "") + digits;
    }

    public static string Scientific(double d, int precision)
    {
        var sign = double.IsNegative(d) && d != 0 ? "-" : "";
        if (d == 0)
        {
            return sign + "0" + (precision > 0 ? "." + new string('0', precision) : "") + "e+00";
        }

        var exp10 = (int)Math.Floor(Math.Log10(Math.Abs(d)));
        var q = ScaledRounded(d, precision - exp10);
        if (q.ToString(CultureInfo.InvariantCulture).Length > precision + 1)
        {
            exp10++;
            q = ScaledRounded(d, precision - exp10);
        }
        else if (q.ToString(CultureInfo.InvariantCulture).Length < precision + 1)
        {
            exp10--;
            q = ScaledRounded(d, precision - exp10);
        }

        var s = q.ToString(CultureInfo.InvariantCulture);
        var mant = precision > 0 ? s[..1] + "." + s[1..] : s;
        var ae = Math.Abs(exp10);
        return sign + mant + "e" + (exp10 < 0 ? "-" : "+") + (ae < 10 ? "0" : "") + ae.ToString(CultureInfo.InvariantCulture);
    }
}
