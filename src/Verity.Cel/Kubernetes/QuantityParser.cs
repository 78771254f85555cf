using System.Globalization;
using System.Numerics;

namespace Verity.Cel.Kubernetes;

/// <summary>
/// resource.ParseQuantity (k8s.io/apimachinery/pkg/api/resource/quantity.go) ported step by step:
/// the permissive scanner, the suffix table (n u m "" k M G T P E, Ki..Ei, e/E exponents), the int64
/// fast path, and the inf.Dec slow path that rounds non-zero values up (away from zero) to 1n and
/// caps binary-SI magnitudes at 2^63-1. Error texts are upstream's.
/// </summary>
internal static class QuantityParser
{
    public const string ErrFormatWrong = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    public const string ErrNumeric = "unable to parse numeric part of quantity";
    public const string ErrSuffix = "unable to parse quantity's suffix";

    private const string SuffixChars = "eEinumkKMGTP";

    /// <summary>Returns null and the quantity, or the upstream error text.</summary>
    public static string? Parse(string str, out CelQuantity q)
    {
        q = new CelQuantity(BigInteger.Zero, 0, false);
        if (str.Length == 0)
        {
            return ErrFormatWrong;
        }

        if (str == "0")
        {
            return null;
        }

        var err = Scan(str, out var positive, out var value, out var num, out var denom, out var suf);
        if (err is not null)
        {
            return err;
        }

        if (!Interpret(suf, out var baseN, out var exponent, out var binary))
        {
            return ErrSuffix;
        }

        int precision;
        long scale = 0;
        long mantissa = 1;
        if (!binary)
        {
            scale = exponent;
            precision = 18 - (num.Length + denom.Length);
        }
        else if (exponent >= 0 && denom.Length == 0)
        {
            mantissa <<= (int)exponent;
            precision = 15 - num.Length - (int)((float)exponent * 3 / 10) - 1;
        }
        else
        {
            precision = -1;
        }

        if (precision >= 0)
        {
            scale -= denom.Length;
            if (scale >= -9)
            {
                var shifted = num + denom;
                if (!long.TryParse(shifted, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
                {
                    return ErrNumeric;
                }

                if (QuantityArith.TryMultiply(v, mantissa, out var result))
                {
                    q = new CelQuantity(positive ? result : -result, scale, false);
                    return null;
                }
            }
        }

        // Slow path: inf.Dec.SetString(value) needs at least one digit.
        if (!value.Any(char.IsAsciiDigit))
        {
            return ErrNumeric;
        }

        var amount = BigInteger.Parse(num + denom, NumberStyles.None, CultureInfo.InvariantCulture);
        long exp = -denom.Length;
        if (baseN == 10)
        {
            exp += exponent;
        }
        else
        {
            amount <<= (int)exponent;
        }

        if (!amount.IsZero && exp < -9)
        {
            var shift = -9 - exp;
            var digits = amount.ToString(CultureInfo.InvariantCulture).Length;
            if (shift > digits)
            {
                amount = BigInteger.One;
            }
            else
            {
                var div = BigInteger.Pow(10, (int)shift);
                amount = BigInteger.DivRem(amount, div, out var rem);
                if (!rem.IsZero)
                {
                    amount += 1;
                }
            }

            exp = -9;
        }

        if (binary && QuantityArith.Magnitude(amount, exp).CompareTo(long.MaxValue) > 0)
        {
            amount = long.MaxValue;
            exp = 0;
        }

        q = new CelQuantity(positive ? amount : -amount, exp, true);
        return null;
    }

    // parseQuantityString: sign, leading zeros, numerator, optional '.' denominator, suffix.
    private static string? Scan(string str, out bool positive, out string value, out string num, out string denom, out string suffix)
    {
        positive = true;
        value = num = denom = suffix = "";
        var pos = 0;
        var end = str.Length;
        if (str[0] == '-')
        {
            positive = false;
            pos++;
        }
        else if (str[0] == '+')
        {
            pos++;
        }

        for (var i = pos; ; i++)
        {
            if (i >= end)
            {
                num = value = "0";
                return null;
            }

            if (str[i] != '0')
            {
                break;
            }

            pos++;
        }

        for (var i = pos; ; i++)
        {
            if (i >= end)
            {
                num = str[pos..end];
                value = str;
                return null;
            }

            if (!char.IsAsciiDigit(str[i]))
            {
                num = str[pos..i];
                pos = i;
                break;
            }
        }

        if (num.Length == 0)
        {
            num = "0";
        }

        if (pos < end && str[pos] == '.')
        {
            pos++;
            for (var i = pos; ; i++)
            {
                if (i >= end)
                {
                    denom = str[pos..end];
                    value = str;
                    return null;
                }

                if (!char.IsAsciiDigit(str[i]))
                {
                    denom = str[pos..i];
                    pos = i;
                    break;
                }
            }
        }

        value = str[..pos];
        var suffixStart = pos;
        for (var i = pos; ; i++)
        {
            if (i >= end)
            {
                suffix = str[suffixStart..end];
                return null;
            }

            if (!SuffixChars.Contains(str[i], StringComparison.Ordinal))
            {
                pos = i;
                break;
            }
        }

        if (pos < end && str[pos] is '-' or '+')
        {
            pos++;
        }

        for (var i = pos; ; i++)
        {
            if (i >= end)
            {
                suffix = str[suffixStart..end];
                return null;
            }

            if (!char.IsAsciiDigit(str[i]))
            {
                return ErrFormatWrong;
            }
        }
    }

    private static bool Interpret(string s, out int baseN, out long exponent, out bool binary)
    {
        baseN = 10;
        binary = false;
        exponent = s switch
        {
            "" => 0,
            "n" => -9,
            "u" => -6,
            "m" => -3,
            "k" => 3,
            "M" => 6,
            "G" => 9,
            "T" => 12,
            "P" => 15,
            "E" => 18,
            _ => long.MinValue,
        };
        if (exponent != long.MinValue)
        {
            return true;
        }

        exponent = s switch
        {
            "Ki" => 10,
            "Mi" => 20,
            "Gi" => 30,
            "Ti" => 40,
            "Pi" => 50,
            "Ei" => 60,
            _ => long.MinValue,
        };
        if (exponent != long.MinValue)
        {
            baseN = 2;
            binary = true;
            return true;
        }

        if (s.Length > 1 && s[0] is 'e' or 'E'
            && long.TryParse(s[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            && s[1] is '+' or '-' or (>= '0' and <= '9'))
        {
            exponent = unchecked((int)parsed);
            return true;
        }

        exponent = 0;
        return false;
    }
}
