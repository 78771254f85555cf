using System.Globalization;
using System.Text;
using Verity.Cel.Values;

namespace Verity.Cel.Library;

/// <summary>
/// The CEL standard definitions (https://github.com/google/cel-spec/blob/master/doc/langdef.md#list-of-standard-definitions):
/// arithmetic, comparison, size, string predicates, regex match, conversions and type().
/// Equality, logical operators, conditional and `in` are evaluated by the interpreter;
/// they are declared here for the checker only (their implementations are never called).
/// </summary>
internal static class StandardLibrary
{
    private static readonly string[] NumTypes = ["int", "uint", "double"];

    public static void Register(FunctionRegistry r)
    {
        static object Unused(object[] a) => new CelError("internal: evaluated by the interpreter");

        // Declared for the checker; evaluated by the interpreter (non-strict or special).
        r.Add("logical_and", "_&&_(bool, bool) -> bool", Unused);
        r.Add("logical_or", "_||_(bool, bool) -> bool", Unused);
        r.Add("conditional", "_?_:_(bool, A, A) -> A", Unused);
        r.Add("not_strictly_false", "@not_strictly_false(bool) -> bool", Unused);
        r.Add("equals", "_==_(A, A) -> bool", Unused);
        r.Add("not_equals", "_!=_(A, A) -> bool", Unused);
        r.Add("in_list", "@in(A, list(A)) -> bool", Unused);
        r.Add("in_map", "@in(A, map(A, B)) -> bool", Unused);
        r.Add("index_list", "_[_](list(A), int) -> A", Unused);
        r.Add("index_map", "_[_](map(A, B), A) -> B", Unused);

        r.Add("logical_not", "!_(bool) -> bool", a => !(bool)a[0]);
        r.Add("negate_int64", "-_(int) -> int", a => Arith.NegInt((long)a[0]));
        r.Add("negate_double", "-_(double) -> double", a => -(double)a[0]);

        r.Add("add_int64", "_+_(int, int) -> int", a => Arith.AddInt((long)a[0], (long)a[1]));
        r.Add("add_uint64", "_+_(uint, uint) -> uint", a => Arith.AddUint((ulong)a[0], (ulong)a[1]));
        r.Add("add_double", "_+_(double, double) -> double", a => (double)a[0] + (double)a[1]);
        r.Add("add_string", "_+_(string, string) -> string", a => (string)a[0] + (string)a[1]);
        r.Add("add_bytes", "_+_(bytes, bytes) -> bytes", a => new CelBytes([.. ((CelBytes)a[0]).Data, .. ((CelBytes)a[1]).Data]));
        r.Add("add_list", "_+_(list(A), list(A)) -> list(A)", a => ArrayCelList.Concat((CelList)a[0], (CelList)a[1]));
        r.Add("add_timestamp_duration", "_+_(timestamp, duration) -> timestamp",
            a => Arith.Timestamp(((CelTimestamp)a[0]).TotalNanos + ((CelDuration)a[1]).Nanos));
        r.Add("add_duration_timestamp", "_+_(duration, timestamp) -> timestamp",
            a => Arith.Timestamp(((CelTimestamp)a[1]).TotalNanos + ((CelDuration)a[0]).Nanos));
        r.Add("add_duration_duration", "_+_(duration, duration) -> duration",
            a => Arith.Duration((Int128)((CelDuration)a[0]).Nanos + ((CelDuration)a[1]).Nanos));

        r.Add("subtract_int64", "_-_(int, int) -> int", a => Arith.SubInt((long)a[0], (long)a[1]));
        r.Add("subtract_uint64", "_-_(uint, uint) -> uint", a => Arith.SubUint((ulong)a[0], (ulong)a[1]));
        r.Add("subtract_double", "_-_(double, double) -> double", a => (double)a[0] - (double)a[1]);
        r.Add("subtract_timestamp_timestamp", "_-_(timestamp, timestamp) -> duration",
            a => Arith.Duration(((CelTimestamp)a[0]).TotalNanos - ((CelTimestamp)a[1]).TotalNanos));
        r.Add("subtract_timestamp_duration", "_-_(timestamp, duration) -> timestamp",
            a => Arith.Timestamp(((CelTimestamp)a[0]).TotalNanos - ((CelDuration)a[1]).Nanos));
        r.Add("subtract_duration_duration", "_-_(duration, duration) -> duration",
            a => Arith.Duration((Int128)((CelDuration)a[0]).Nanos - ((CelDuration)a[1]).Nanos));

        r.Add("multiply_int64", "_*_(int, int) -> int", a => Arith.MulInt((long)a[0], (long)a[1]));
        r.Add("multiply_uint64", "_*_(uint, uint) -> uint", a => Arith.MulUint((ulong)a[0], (ulong)a[1]));
        r.Add("multiply_double", "_*_(double, double) -> double", a => (double)a[0] * (double)a[1]);
        r.Add("divide_int64", "_/_(int, int) -> int", a => Arith.DivInt((long)a[0], (long)a[1]));
        r.Add("divide_uint64", "_/_(uint, uint) -> uint", a => Arith.DivUint((ulong)a[0], (ulong)a[1]));
        r.Add("divide_double", "_/_(double, double) -> double", a => (double)a[0] / (double)a[1]);
        r.Add("modulo_int64", "_%_(int, int) -> int", a => Arith.ModInt((long)a[0], (long)a[1]));
        r.Add("modulo_uint64", "_%_(uint, uint) -> uint", a => Arith.ModUint((ulong)a[0], (ulong)a[1]));

        // Ordering: same-type and cross-numeric overloads.
        foreach (var (op, name) in new[] { ("_<_", "less"), ("_<=_", "less_equals"), ("_>_", "greater"), ("_>=_", "greater_equals") })
        {
            var test = op switch
            {
                "_<_" => (Func<int, bool>)(c => c < 0),
                "_<=_" => c => c <= 0,
                "_>_" => c => c > 0,
                _ => c => c >= 0,
            };
            CelFunction impl = a =>
            {
                var c = ValueOps.Compare(a[0], a[1]);
                return c == ValueOps.NoOverload ? CelError.NoSuchOverload(op) : c != ValueOps.Unordered && test(c);
            };
            foreach (var t in new[] { "bool", "string", "bytes", "timestamp", "duration" })
            {
                r.Add($"{name}_{t}", $"{op}({t}, {t}) -> bool", impl);
            }

            foreach (var x in NumTypes)
            {
                foreach (var y in NumTypes)
                {
                    r.Add($"{name}_{Id(x)}{(x == y ? "" : "_" + Id(y))}", $"{op}({x}, {y}) -> bool", impl);
                }
            }
        }

        // size
        r.Add("size_string", "size(string) -> int", a => (long)CodePoints((string)a[0]));
        r.Add("string_size", "string:size() -> int", a => (long)CodePoints((string)a[0]));
        r.Add("size_bytes", "size(bytes) -> int", a => (long)((CelBytes)a[0]).Data.Length);
        r.Add("bytes_size", "bytes:size() -> int", a => (long)((CelBytes)a[0]).Data.Length);
        r.Add("size_list", "size(list(A)) -> int", a => (long)((CelList)a[0]).Count);
        r.Add("list_size", "list(A):size() -> int", a => (long)((CelList)a[0]).Count);
        r.Add("size_map", "size(map(A, B)) -> int", a => (long)((CelMap)a[0]).Count);
        r.Add("map_size", "map(A, B):size() -> int", a => (long)((CelMap)a[0]).Count);

        // String predicates and regex.
        r.Add("contains_string", "string:contains(string) -> bool", a => ((string)a[0]).Contains((string)a[1], StringComparison.Ordinal));
        r.Add("starts_with_string", "string:startsWith(string) -> bool", a => ((string)a[0]).StartsWith((string)a[1], StringComparison.Ordinal));
        r.Add("ends_with_string", "string:endsWith(string) -> bool", a => ((string)a[0]).EndsWith((string)a[1], StringComparison.Ordinal));
        r.Add("matches", "matches(string, string) -> bool", a => Re2.Matches((string)a[0], (string)a[1]));
        r.Add("matches_string", "string:matches(string) -> bool", a => Re2.Matches((string)a[0], (string)a[1]));

        RegisterConversions(r);
    }

    private static string Id(string t) => t switch { "int" => "int64", "uint" => "uint64", _ => t };

    public static int CodePoints(string s)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }

            n++;
        }

        return n;
    }

    private static void RegisterConversions(FunctionRegistry r)
    {
        r.Add("int64_to_int64", "int(int) -> int", a => a[0]);
        r.Add("uint64_to_int64", "int(uint) -> int", a => (ulong)a[0] > long.MaxValue ? new CelError("range error converting uint to int") : (long)(ulong)a[0]);
        r.Add("double_to_int64", "int(double) -> int", a => DoubleToInt((double)a[0]));
        r.Add("string_to_int64", "int(string) -> int", a =>
            long.TryParse((string)a[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : new CelError($"cannot convert '{a[0]}' to int"));
        r.Add("timestamp_to_int64", "int(timestamp) -> int", a => ((CelTimestamp)a[0]).Seconds);

        r.Add("uint64_to_uint64", "uint(uint) -> uint", a => a[0]);
        r.Add("int64_to_uint64", "uint(int) -> uint", a => (long)a[0] < 0 ? new CelError("range error converting int to uint") : (ulong)(long)a[0]);
        r.Add("double_to_uint64", "uint(double) -> uint", a => DoubleToUint((double)a[0]));
        r.Add("string_to_uint64", "uint(string) -> uint", a =>
            ulong.TryParse((string)a[0], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : new CelError($"cannot convert '{a[0]}' to uint"));

        r.Add("double_to_double", "double(double) -> double", a => a[0]);
        r.Add("int64_to_double", "double(int) -> double", a => (double)(long)a[0]);
        r.Add("uint64_to_double", "double(uint) -> double", a => (double)(ulong)a[0]);
        r.Add("string_to_double", "double(string) -> double", a => ParseDouble((string)a[0]));

        r.Add("string_to_string", "string(string) -> string", a => a[0]);
        r.Add("int64_to_string", "string(int) -> string", a => ValueOps.Format(a[0]));
        r.Add("uint64_to_string", "string(uint) -> string", a => ValueOps.Format(a[0]));
        r.Add("double_to_string", "string(double) -> string", a => ValueOps.Format(a[0]));
        r.Add("bool_to_string", "string(bool) -> string", a => ValueOps.Format(a[0]));
        r.Add("bytes_to_string", "string(bytes) -> string", a => BytesToString((CelBytes)a[0]));
        r.Add("timestamp_to_string", "string(timestamp) -> string", a => ValueOps.Format(a[0]));
        r.Add("duration_to_string", "string(duration) -> string", a => ValueOps.Format(a[0]));

        r.Add("bytes_to_bytes", "bytes(bytes) -> bytes", a => a[0]);
        r.Add("string_to_bytes", "bytes(string) -> bytes", a => new CelBytes(Encoding.UTF8.GetBytes((string)a[0])));

        r.Add("bool_to_bool", "bool(bool) -> bool", a => a[0]);
        r.Add("string_to_bool", "bool(string) -> bool", a => (string)a[0] switch
        {
            "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
            "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
            _ => new CelError($"type conversion error from 'string' to 'bool'"),
        });

        r.Add("to_dyn", "dyn(A) -> dyn", a => a[0]);
        r.Add("type", "type(A) -> type(A)", a => ValueOps.TypeOf(a[0]));
    }

    private static object DoubleToInt(double d)
    {
        // Valid range is the open interval (-2^63 - 1024, 2^63): values that truncate into int64.
        if (double.IsNaN(d) || d <= -9.2233720368547758E18 || d >= 9.2233720368547758E18)
        {
            return new CelError("range error converting double to int");
        }

        return (long)d;
    }

    private static object DoubleToUint(double d)
    {
        if (double.IsNaN(d) || d < 0 || d >= 1.8446744073709552E19)
        {
            return new CelError("range error converting double to uint");
        }

        return (ulong)d;
    }

    private static object ParseDouble(string s)
    {
        switch (s)
        {
            case "NaN" or "nan":
                return double.NaN;
            case "Inf" or "+Inf" or "inf" or "+inf" or "Infinity" or "infinity":
                return double.PositiveInfinity;
            case "-Inf" or "-inf" or "-Infinity" or "-infinity":
                return double.NegativeInfinity;
        }

        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : new CelError($"cannot convert '{s}' to double");
    }

    private static object BytesToString(CelBytes b)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(b.Data);
        }
        catch (DecoderFallbackException)
        {
            return new CelError("invalid UTF-8");
        }
    }
}
