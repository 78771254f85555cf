using Verity.Cel.Values;

namespace Verity.Cel.Library;

/// <summary>
/// Overflow-checked integer arithmetic and time arithmetic of the standard library
/// (https://github.com/google/cel-spec/blob/master/doc/langdef.md#overflow): any int/uint result
/// outside 64 bits is the error "return error for overflow".
/// </summary>
internal static class Arith
{
    public static object AddInt(long a, long b)
    {
        var r = unchecked(a + b);
        return ((a ^ r) & (b ^ r)) < 0 ? CelError.Overflow : r;
    }

    public static object SubInt(long a, long b)
    {
        var r = unchecked(a - b);
        return ((a ^ b) & (a ^ r)) < 0 ? CelError.Overflow : r;
    }

    public static object MulInt(long a, long b)
    {
        var r = (Int128)a * b;
        return r > long.MaxValue || r < long.MinValue ? CelError.Overflow : (long)r;
    }

    public static object DivInt(long a, long b) =>
        b == 0 ? CelError.DivideByZero : a == long.MinValue && b == -1 ? CelError.Overflow : a / b;

    public static object ModInt(long a, long b) =>
        b == 0 ? CelError.ModulusByZero : a == long.MinValue && b == -1 ? CelError.Overflow : a % b;

    public static object NegInt(long a) => a == long.MinValue ? CelError.Overflow : -a;

    public static object AddUint(ulong a, ulong b)
    {
        var r = unchecked(a + b);
        return r < a ? CelError.Overflow : r;
    }

    public static object SubUint(ulong a, ulong b) => b > a ? CelError.Overflow : a - b;

    public static object MulUint(ulong a, ulong b)
    {
        var r = (UInt128)a * b;
        return r > ulong.MaxValue ? CelError.Overflow : (ulong)r;
    }

    public static object DivUint(ulong a, ulong b) => b == 0 ? CelError.DivideByZero : a / b;

    public static object ModUint(ulong a, ulong b) => b == 0 ? CelError.ModulusByZero : a % b;

    public static object Timestamp(Int128 totalNanos)
    {
        var ts = CelTimestamp.FromTotalNanos(totalNanos);
        return ts.InRange ? ts : new CelError("timestamp overflow");
    }

    public static object Duration(Int128 nanos) =>
        nanos > long.MaxValue || nanos < long.MinValue ? CelError.Overflow : new CelDuration((long)nanos);
}
