using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Verity.Cel.Tests.Properties;

/// <summary>CEL integer arithmetic agrees with checked 64-bit .NET arithmetic: same value, or an overflow error exactly when .NET overflows.</summary>
public sealed class ArithmeticProperties
{
    private static readonly CelEnvironment Env = CelTestHelpers.EnvWith(("a", CelType.Int), ("b", CelType.Int));
    private static readonly Dictionary<string, CelProgram> Programs = new[] { "+", "-", "*", "/", "%" }
        .ToDictionary(op => op, op => Env.Compile($"a {op} b").Program!);

    private static long? Reference(string op, long a, long b)
    {
        try
        {
            return op switch
            {
                "+" => checked(a + b),
                "-" => checked(a - b),
                "*" => checked(a * b),
                "/" => b == 0 ? null : a == long.MinValue && b == -1 ? null : a / b,
                _ => b == 0 ? null : a == long.MinValue && b == -1 ? null : a % b,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    [Property(MaxTest = 500)]
    public Property Int_arithmetic_matches_checked_long(long a, long b, bool nearLimits)
    {
        if (nearLimits)
        {
            a = a >= 0 ? long.MaxValue - (a % 3) : long.MinValue + (-(a % 3));
        }

        var results = Programs.Select(kv =>
        {
            var r = kv.Value.Evaluate(new Dictionary<string, object?> { ["a"] = a, ["b"] = b });
            var expected = Reference(kv.Key, a, b);
            return expected is null ? r.IsError : !r.IsError && (long)r.Value!.ToObject()! == expected;
        });
        return results.All(x => x).Label($"a={a}, b={b}");
    }

    [Property(MaxTest = 300)]
    public Property Format_d_matches_invariant_decimal(long n)
    {
        var env = CelTestHelpers.EnvWith(("n", CelType.Int));
        var r = env.Compile("'%d'.format([n])").Program!.Evaluate(new Dictionary<string, object?> { ["n"] = n });
        return (r.Value!.ToObject() as string == n.ToString(CultureInfo.InvariantCulture)).Label(n.ToString(CultureInfo.InvariantCulture));
    }
}
