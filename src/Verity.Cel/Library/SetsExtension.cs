using Verity.Cel.Values;

namespace Verity.Cel.Library;

/// <summary>
/// cel-go ext.Sets (https://github.com/google/cel-go/blob/master/ext/README.md#sets): lists as sets
/// under CEL equality (so 1, 1u and 1.0 are the same element).
/// </summary>
internal static class SetsExtension
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("list_sets_contains_list", "sets.contains(list(A), list(A)) -> bool", a =>
            ((CelList)a[1]).Items().All(x => Contains((CelList)a[0], x)));
        r.Add("list_sets_equivalent_list", "sets.equivalent(list(A), list(A)) -> bool", a =>
            ((CelList)a[1]).Items().All(x => Contains((CelList)a[0], x)) && ((CelList)a[0]).Items().All(x => Contains((CelList)a[1], x)));
        r.Add("list_sets_intersects_list", "sets.intersects(list(A), list(A)) -> bool", a =>
            ((CelList)a[1]).Items().Any(x => Contains((CelList)a[0], x)));
    }

    private static bool Contains(CelList list, object x) => list.Items().Any(y => ValueOps.Equal(x, y));
}
