using Verity.Cel.Values;

namespace Verity.Cel.Library;

/// <summary>
/// cel-go ext.Lists (https://github.com/google/cel-go/blob/master/ext/README.md#lists):
/// slice, flatten, distinct, reverse, sort, sortBy (macro over @sortByAssociatedKeys),
/// lists.range, first, last.
/// </summary>
internal static class ListsExtension
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("list_slice", "list(A):slice(int, int) -> list(A)", a =>
        {
            var l = (CelList)a[0];
            long s = (long)a[1], e = (long)a[2];
            if (s < 0 || e < 0)
            {
                return new CelError($"cannot slice({s}, {e}), negative indexes not supported");
            }

            if (s > e)
            {
                return new CelError($"cannot slice({s}, {e}), start index must be less than or equal to end index");
            }

            if (e > l.Count)
            {
                return new CelError($"cannot slice({s}, {e}), list is length {l.Count}");
            }

            return new ArrayCelList(l.Items().Skip((int)s).Take((int)(e - s)).ToArray());
        });
        r.Add("list_flatten", "list(dyn):flatten() -> list(dyn)", a => Flatten((CelList)a[0], 1));
        r.Add("list_flatten_int", "list(dyn):flatten(int) -> list(dyn)", a =>
            (long)a[1] < 0 ? new CelError("level must be non-negative") : Flatten((CelList)a[0], (long)a[1]));
        r.Add("list_distinct", "list(A):distinct() -> list(A)", a =>
        {
            var result = new List<object>();
            foreach (var item in ((CelList)a[0]).Items())
            {
                if (!result.Any(x => ValueOps.Equal(x, item)))
                {
                    result.Add(item);
                }
            }

            return new ArrayCelList([.. result]);
        });
        r.Add("list_reverse", "list(A):reverse() -> list(A)", a => new ArrayCelList(((CelList)a[0]).Items().Reverse().ToArray()));
        r.Add("list_sort", "list(A):sort() -> list(A)", a => Sort(((CelList)a[0]).Items().ToArray(), null));
        r.Add("list_sortByAssociatedKeys", "list(A):@sortByAssociatedKeys(list(B)) -> list(A)", a =>
        {
            var items = ((CelList)a[0]).Items().ToArray();
            var keys = ((CelList)a[1]).Items().ToArray();
            return items.Length != keys.Length ? new CelError("sortBy: key list size mismatch") : Sort(items, keys);
        });
        r.Add("lists_range", "lists.range(int) -> list(int)", a =>
        {
            var n = (long)a[0];
            return n < 0 ? ArrayCelList.Empty : n > 1_000_000 ? new CelError("lists.range: size exceeds 1000000") : new ArrayCelList(Enumerable.Range(0, (int)n).Select(i => (object)(long)i).ToArray());
        });
        r.Add("list_first", "list(A):first() -> optional(A)", a => ((CelList)a[0]).Count == 0 ? CelOptional.None : CelOptional.Of(((CelList)a[0])[0]));
        r.Add("list_last", "list(A):last() -> optional(A)", a =>
        {
            var l = (CelList)a[0];
            return l.Count == 0 ? CelOptional.None : CelOptional.Of(l[l.Count - 1]);
        });
    }

    private static object Flatten(CelList list, long depth)
    {
        var result = new List<object>();
        void Walk(CelList l, long d)
        {
            foreach (var item in l.Items())
            {
                if (item is CelList inner && d > 0)
                {
                    Walk(inner, d - 1);
                }
                else
                {
                    result.Add(item);
                }
            }
        }

        Walk(list, depth);
        return new ArrayCelList([.. result]);
    }

    private static object Sort(object[] items, object[]? keys)
    {
        keys ??= items;
        for (var i = 1; i < keys.Length; i++)
        {
            var c = ValueOps.Compare(keys[0], keys[i]);
            if (c == ValueOps.NoOverload || !ValueOps.TypeOf(keys[0]).Equals(ValueOps.TypeOf(keys[i])))
            {
                return new CelError("list elements must have the same type");
            }
        }

        var idx = Enumerable.Range(0, items.Length).ToArray();
        var sorted = idx.OrderBy(i => keys[i], Comparer<object>.Create((x, y) =>
        {
            var c = ValueOps.Compare(x, y);
            return c is ValueOps.Unordered or ValueOps.NoOverload ? 0 : c;
        })).ToArray();
        return new ArrayCelList(sorted.Select(i => items[i]).ToArray());
    }
}
