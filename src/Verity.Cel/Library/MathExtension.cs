using Verity.Cel.Values;

namespace Verity.Cel.Library;

/// <summary>
/// cel-go ext.Math (https://github.com/google/cel-go/blob/master/ext/README.md#math):
/// greatest/least over numbers of mixed types (1 to 16 arguments, or one list), ceil, floor,
/// round (half away from zero), trunc, abs, sign, isNaN, isInf, isFinite, sqrt and bit operations.
/// Shifts: a negative offset is an error; offsets ≥ 64 give 0; right shift of an int is logical.
/// </summary>
internal static class MathExtension
{
    public static void Register(FunctionRegistry r)
    {
        foreach (var (name, sign) in new[] { ("greatest", 1), ("least", -1) })
        {
            foreach (var t in new[] { "int", "uint", "double" })
            {
                r.Add($"math_{name}_{t}", $"math.{name}({t}) -> {t}", a => a[0]);
            }

            r.Add($"math_{name}_list", $"math.{name}(list(dyn)) -> dyn", a => Extreme(((CelList)a[0]).Items().ToArray(), sign));
            for (var n = 2; n <= 16; n++)
            {
                var ps = string.Join(", ", Enumerable.Repeat("dyn", n));
                r.Add($"math_{name}_dyn_{n}", $"math.{name}({ps}) -> dyn", a => Extreme(a, sign));
            }
        }

        r.Add("math_ceil_double", "math.ceil(double) -> double", a => Math.Ceiling((double)a[0]));
        r.Add("math_floor_double", "math.floor(double) -> double", a => Math.Floor((double)a[0]));
        r.Add("math_round_double", "math.round(double) -> double", a => Math.Round((double)a[0], MidpointRounding.AwayFromZero));
        r.Add("math_trunc_double", "math.trunc(double) -> double", a => Math.Truncate((double)a[0]));
        r.Add("math_sqrt_double", "math.sqrt(double) -> double", a => Math.Sqrt((double)a[0]));
        r.Add("math_sqrt_int", "math.sqrt(int) -> double", a => Math.Sqrt((long)a[0]));
        r.Add("math_sqrt_uint", "math.sqrt(uint) -> double", a => Math.Sqrt((ulong)a[0]));
        r.Add("math_isNaN_double", "math.isNaN(double) -> bool", a => double.IsNaN((double)a[0]));
        r.Add("math_isInf_double", "math.isInf(double) -> bool", a => double.IsInfinity((double)a[0]));
        r.Add("math_isFinite_double", "math.isFinite(double) -> bool", a => double.IsFinite((double)a[0]));
        r.Add("math_abs_int", "math.abs(int) -> int", a => (long)a[0] == long.MinValue ? CelError.Overflow : Math.Abs((long)a[0]));
        r.Add("math_abs_uint", "math.abs(uint) -> uint", a => a[0]);
        r.Add("math_abs_double", "math.abs(double) -> double", a => Math.Abs((double)a[0]));
        r.Add("math_sign_int", "math.sign(int) -> int", a => (long)Math.Sign((long)a[0]));
        r.Add("math_sign_uint", "math.sign(uint) -> uint", a => (ulong)a[0] == 0 ? 0UL : 1UL);
        r.Add("math_sign_double", "math.sign(double) -> double", a =>
        {
            var d = (double)a[0];
            return double.IsNaN(d) ? d : d == 0 ? d : Math.Sign(d);
        });

        r.Add("math_bitAnd_int_int", "math.bitAnd(int, int) -> int", a => (long)a[0] & (long)a[1]);
        r.Add("math_bitAnd_uint_uint", "math.bitAnd(uint, uint) -> uint", a => (ulong)a[0] & (ulong)a[1]);
        r.Add("math_bitOr_int_int", "math.bitOr(int, int) -> int", a => (long)a[0] | (long)a[1]);
        r.Add("math_bitOr_uint_uint", "math.bitOr(uint, uint) -> uint", a => (ulong)a[0] | (ulong)a[1]);
        r.Add("math_bitXor_int_int", "math.bitXor(int, int) -> int", a => (long)a[0] ^ (long)a[1]);
        r.Add("math_bitXor_uint_uint", "math.bitXor(uint, uint) -> uint", a => (ulong)a[0] ^ (ulong)a[1]);
        r.Add("math_bitNot_int", "math.bitNot(int) -> int", a => ~(long)a[0]);
        r.Add("math_bitNot_uint", "math.bitNot(uint) -> uint", a => ~(ulong)a[0]);
        r.Add("math_bitShiftLeft_int_int", "math.bitShiftLeft(int, int) -> int", a =>
            (long)a[1] < 0 ? NegativeOffset() : (long)a[1] >= 64 ? 0L : (long)a[0] << (int)(long)a[1]);
        r.Add("math_bitShiftLeft_uint_int", "math.bitShiftLeft(uint, int) -> uint", a =>
            (long)a[1] < 0 ? NegativeOffset() : (long)a[1] >= 64 ? 0UL : (ulong)a[0] << (int)(long)a[1]);
        r.Add("math_bitShiftRight_int_int", "math.bitShiftRight(int, int) -> int", a =>
            (long)a[1] < 0 ? NegativeOffset() : (long)a[1] >= 64 ? 0L : (long)((ulong)(long)a[0] >> (int)(long)a[1]));
        r.Add("math_bitShiftRight_uint_int", "math.bitShiftRight(uint, int) -> uint", a =>
            (long)a[1] < 0 ? NegativeOffset() : (long)a[1] >= 64 ? 0UL : (ulong)a[0] >> (int)(long)a[1]);
    }

    private static CelError NegativeOffset() => new("math.bitShift: negative offset");

    private static object Extreme(object[] values, int sign)
    {
        if (values.Length == 0)
        {
            return new CelError("math.greatest/least: empty list");
        }

        var best = values[0];
        if (!ValueOps.IsNumber(best))
        {
            return CelError.NoSuchOverload(sign > 0 ? "math.greatest" : "math.least");
        }

        foreach (var v in values.Skip(1))
        {
            if (!ValueOps.IsNumber(v))
            {
                return CelError.NoSuchOverload(sign > 0 ? "math.greatest" : "math.least");
            }

            var c = ValueOps.CompareNumbers(v, best);
            if (c != ValueOps.Unordered && c * sign > 0)
            {
                best = v;
            }
        }

        return best;
    }
}
