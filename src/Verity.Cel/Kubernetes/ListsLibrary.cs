using Verity.Cel.Library;
using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>
/// Kubernetes lists library (k8s.io/apiserver/pkg/cel/library/lists.go, "kubernetes.lists"): isSorted,
/// sum, min, max (per element type, for the checker) and indexOf, lastIndexOf (on list(A)). None of
/// these overloads exists in the core's cel-go lists extension (which has slice, flatten, distinct,
/// reverse, sort, sortBy, range, first, last) and the strings extension's indexOf/lastIndexOf take a
/// string receiver, so nothing is skipped.
/// </summary>
/// <remarks>
/// Runtime dispatch does not see static element types, so one generic implementation serves every
/// element-type overload. Consequence: <c>sum()</c> of an empty list is int 0 whatever its declared
/// element type (upstream returns 0u / 0.0 / 0s for statically typed empty lists; <c>0 == 0.0</c>
/// still holds in CEL). The version-1 <c>includes</c> function is not ported.
/// </remarks>
internal static class ListsLibrary
{
    private static readonly string[] Comparable = ["int", "uint", "double", "bool", "duration", "timestamp", "string", "bytes"];
    private static readonly string[] Summable = ["int", "uint", "double", "duration"];

    public static void Register(FunctionRegistry r)
    {
        foreach (var t in Comparable)
        {
            r.Add($"list_{t}_is_sorted_bool", $"list({t}):isSorted() -> bool", IsSorted);
            r.Add($"list_{t}_max_{t}", $"list({t}):max() -> {t}", a => Extreme(a, "max", -1));
            r.Add($"list_{t}_min_{t}", $"list({t}):min() -> {t}", a => Extreme(a, "min", 1));
        }

        foreach (var t in Summable)
        {
            r.Add($"list_{t}_sum_{t}", $"list({t}):sum() -> {t}", Sum);
        }

        r.Add("list_a_index_of_int", "list(A):indexOf(A) -> int", a => IndexOf(a, last: false));
        r.Add("list_a_last_index_of_int", "list(A):lastIndexOf(A) -> int", a => IndexOf(a, last: true));
    }

    private static bool IsComparable(object v) => v is long or ulong or double or bool or string or CelBytes or CelDuration or CelTimestamp;

    private static object IsSorted(object[] a)
    {
        if (a[0] is not CelList list)
        {
            return CelError.NoSuchOverload("isSorted");
        }

        object? prev = null;
        foreach (var next in list.Items())
        {
            if (!IsComparable(next))
            {
                return CelError.NoSuchOverload("isSorted");
            }

            if (prev is not null && ValueOps.Compare(prev, next) == 1)
            {
                return false;
            }

            prev = next;
        }

        return true;
    }

    // cel-go lists.go cmp(): keep the current result unless result.Compare(next) prefers next.
    private static object Extreme(object[] a, string fn, int replaceWhen)
    {
        if (a[0] is not CelList list)
        {
            return CelError.NoSuchOverload(fn);
        }

        object? result = null;
        foreach (var next in list.Items())
        {
            if (!IsComparable(next))
            {
                return CelError.NoSuchOverload(fn);
            }

            if (result is null || ValueOps.Compare(result, next) == replaceWhen)
            {
                result = next;
            }
        }

        return result ?? new CelError($"{fn} called on empty list");
    }

    private static object Sum(object[] a)
    {
        if (a[0] is not CelList list)
        {
            return CelError.NoSuchOverload("sum");
        }

        object acc = 0L;
        var first = true;
        foreach (var next in list.Items())
        {
            if (first)
            {
                if (next is not (long or ulong or double or CelDuration))
                {
                    return CelError.NoSuchOverload("sum");
                }

                acc = next;
                first = false;
                continue;
            }

            acc = (acc, next) switch
            {
                (long x, long y) => Arith.AddInt(x, y),
                (ulong x, ulong y) => Arith.AddUint(x, y),
                (double x, double y) => x + y,
                (CelDuration x, CelDuration y) => Arith.Duration((Int128)x.Nanos + y.Nanos),
                _ => CelError.NoSuchOverload("sum"),
            };
            if (acc is CelError)
            {
                return acc;
            }
        }

        return acc;
    }

    private static object IndexOf(object[] a, bool last)
    {
        if (a[0] is not CelList list)
        {
            return CelError.NoSuchOverload(last ? "lastIndexOf" : "indexOf");
        }

        if (!last)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (ValueOps.Equal(list[i], a[1]))
                {
                    return (long)i;
                }
            }
        }
        else
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (ValueOps.Equal(list[i], a[1]))
                {
                    return (long)i;
                }
            }
        }

        return -1L;
    }
}
