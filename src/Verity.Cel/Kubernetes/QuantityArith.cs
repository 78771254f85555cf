using System.Globalization;
using System.Numerics;
using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>
/// Exact arithmetic on <see cref="CelQuantity"/> mirroring resource.Quantity: Add/Sub/Mul try the
/// int64Amount fast path first (same scale alignment and overflow rules) and fall back to the exact
/// decimal form, which marks the result <see cref="CelQuantity.IsDecimal"/>.
/// </summary>
internal static class QuantityArith
{
    // Go math.Pow10 tables: the result is bit-identical to Go's.
    private static readonly double[] Pow10Tab =
    [
        1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07, 1e08, 1e09, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31,
    ];

    private static readonly double[] Pow10PosTab32 = [1e00, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288];

    private static readonly double[] Pow10NegTab32 = [1e-00, 1e-32, 1e-64, 1e-96, 1e-128, 1e-160, 1e-192, 1e-224, 1e-256, 1e-288, 1e-320];

    public static double GoPow10(long n)
    {
        if (n >= 0 && n <= 308)
        {
            return Pow10PosTab32[n / 32] * Pow10Tab[n % 32];
        }

        if (n >= -323 && n <= 0)
        {
            return Pow10NegTab32[-n / 32] / Pow10Tab[-n % 32];
        }

        return n > 0 ? double.PositiveInfinity : 0;
    }

    public static bool TryMultiply(long a, long b, out long result)
    {
        try
        {
            result = checked(a * b);
            return true;
        }
        catch (OverflowException)
        {
            result = 0;
            return false;
        }
    }

    /// <summary>positiveScaleInt64: base × 10^scale, false on overflow.</summary>
    public static bool TryScaleUp(long value, long scale, out long result)
    {
        result = value;
        if (value == 0)
        {
            return true;
        }

        for (long i = 0; i < scale; i++)
        {
            if (!TryMultiply(result, 10, out result))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>|unscaled| × 10^exponent compared with a non-negative long, without materialising huge powers.</summary>
    public static BigInteger Magnitude(BigInteger unscaled, long exponent)
    {
        var u = BigInteger.Abs(unscaled);
        if (u.IsZero)
        {
            return u;
        }

        var digits = u.ToString(CultureInfo.InvariantCulture).Length;
        if (digits + exponent > 40)
        {
            return BigInteger.Pow(10, 40);
        }

        if (exponent >= 0)
        {
            return u * BigInteger.Pow(10, (int)exponent);
        }

        return digits + exponent < 0 ? BigInteger.Zero : u / BigInteger.Pow(10, (int)-exponent);
    }

    public static int Compare(CelQuantity a, CelQuantity b)
    {
        int sa = a.Sign, sb = b.Sign;
        if (sa != sb)
        {
            return sa > sb ? 1 : -1;
        }

        if (sa == 0)
        {
            return 0;
        }

        var ua = BigInteger.Abs(a.Unscaled);
        var ub = BigInteger.Abs(b.Unscaled);
        var da = ua.ToString(CultureInfo.InvariantCulture).Length + a.Exponent;
        var db = ub.ToString(CultureInfo.InvariantCulture).Length + b.Exponent;
        int mag;
        if (da != db)
        {
            mag = da > db ? 1 : -1;
        }
        else
        {
            // Same order of magnitude: the exponent gap is at most the digit count, so aligning is cheap.
            var gap = a.Exponent - b.Exponent;
            mag = gap >= 0
                ? (ua * BigInteger.Pow(10, (int)gap)).CompareTo(ub)
                : ua.CompareTo(ub * BigInteger.Pow(10, (int)-gap));
        }

        return sa * mag;
    }

    public static object Add(CelQuantity a, CelQuantity b) => AddCore(a, b, negateB: false);

    public static object Sub(CelQuantity a, CelQuantity b) => AddCore(a, b, negateB: true);

    private static object AddCore(CelQuantity a, CelQuantity b, bool negateB)
    {
        if (!a.IsDecimal && !b.IsDecimal)
        {
            var bv = (long)b.Unscaled;
            if (!(negateB && bv == long.MinValue) && TryAddInt64((long)a.Unscaled, a.Exponent, negateB ? -bv : bv, b.Exponent, out var v, out var s))
            {
                return new CelQuantity(v, s, false);
            }
        }

        var bu = negateB ? -b.Unscaled : b.Unscaled;
        if (a.Unscaled.IsZero)
        {
            return new CelQuantity(bu, b.Exponent, true);
        }

        if (bu.IsZero)
        {
            return new CelQuantity(a.Unscaled, a.Exponent, true);
        }

        var gap = a.Exponent - b.Exponent;
        if (Math.Abs(gap) > CelQuantity.MaxAlignment)
        {
            return new CelError("quantity arithmetic exceeds the supported precision (exponents differ by more than 100000)");
        }

        return gap >= 0
            ? new CelQuantity((a.Unscaled * BigInteger.Pow(10, (int)gap)) + bu, b.Exponent, true)
            : new CelQuantity(a.Unscaled + (bu * BigInteger.Pow(10, (int)-gap)), a.Exponent, true);
    }

    // int64Amount.Add.
    private static bool TryAddInt64(long av, long ascale, long bv, long bscale, out long value, out long scale)
    {
        (value, scale) = (av, ascale);
        if (bv == 0)
        {
            return true;
        }

        if (av == 0)
        {
            (value, scale) = (bv, bscale);
            return true;
        }

        long c;
        if (ascale == bscale)
        {
            return TryAdd(av, bv, out value);
        }

        if (ascale > bscale)
        {
            if (!TryScaleUp(av, ascale - bscale, out c) || !TryAdd(c, bv, out value))
            {
                return false;
            }

            scale = bscale;
            return true;
        }

        return TryScaleUp(bv, bscale - ascale, out c) && TryAdd(av, c, out value);
    }

    private static bool TryAdd(long a, long b, out long r)
    {
        r = unchecked(a + b);
        return !((a > 0 && b > 0 && r < 0) || (a < 0 && b < 0 && r >= 0));
    }

    /// <summary>Quantity.Mul(int64): int64Amount.Mul, else exact decimal multiplication.</summary>
    public static CelQuantity Mul(CelQuantity a, long n)
    {
        if (!a.IsDecimal)
        {
            var v = (long)a.Unscaled;
            if (v == 0)
            {
                return a;
            }

            if (n == 0)
            {
                return new CelQuantity(0, 0, false);
            }

            if (TryMultiply(v, n, out var c))
            {
                var ok = a.Exponent switch
                {
                    0 => true,
                    > 0 => TryScaleUp(c, a.Exponent, out _),
                    _ => a.Exponent < -18 ? c == 0 : c % Pow10Long(-a.Exponent) == 0,
                };
                if (ok)
                {
                    return new CelQuantity(c, a.Exponent, false);
                }
            }
        }

        return new CelQuantity(a.Unscaled * n, a.Exponent, true);
    }

    private static long Pow10Long(long n)
    {
        long r = 1;
        for (var i = 0; i < n; i++)
        {
            r *= 10;
        }

        return r;
    }
}
