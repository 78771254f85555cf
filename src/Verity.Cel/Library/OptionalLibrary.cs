using Verity.Cel.Values;

namespace Verity.Cel.Library;

/// <summary>
/// Optional values (cel-go OptionalTypes, https://github.com/google/cel-spec/wiki/proposal-246):
/// optional.of, optional.none, optional.ofNonZeroValue, hasValue, value, or, orValue.
/// `or`/`orValue` are short-circuiting and evaluated by the interpreter; `?.` and `[?` too.
/// Also the internal cel.@mapInsert used by transformMap.
/// </summary>
internal static class OptionalLibrary
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("optional_of", "optional.of(A) -> optional(A)", a => CelOptional.Of(a[0]));
        r.Add("optional_none", "optional.none() -> optional(A)", _ => CelOptional.None);
        r.Add("optional_ofNonZeroValue", "optional.ofNonZeroValue(A) -> optional(A)", a => IsZeroValue(a[0]) ? CelOptional.None : CelOptional.Of(a[0]));
        r.Add("optional_hasValue", "optional(A):hasValue() -> bool", a => ((CelOptional)a[0]).HasValue);
        r.Add("optional_value", "optional(A):value() -> A", a =>
            ((CelOptional)a[0]).Value ?? new CelError("optional.none() dereference"));
        r.Add("optional_or_optional", "optional(A):or(optional(A)) -> optional(A)", a => ((CelOptional)a[0]).HasValue ? a[0] : a[1]);
        r.Add("optional_orValue_value", "optional(A):orValue(A) -> A", a => ((CelOptional)a[0]).Value ?? a[1]);
        r.Add("select_optional_field", "_?._(dyn, string) -> optional(dyn)", a => new CelError("internal: evaluated by the interpreter"));
        r.Add("list_optindex_optional_int", "_[?_](list(A), int) -> optional(A)", a => new CelError("internal: evaluated by the interpreter"));
        r.Add("map_optindex_optional_value", "_[?_](map(K, V), K) -> optional(V)", a => new CelError("internal: evaluated by the interpreter"));
        r.Add("optional_list_optindex_optional_int", "_[?_](optional(list(A)), int) -> optional(A)", a => new CelError("internal: evaluated by the interpreter"));
        r.Add("optional_map_optindex_optional_value", "_[?_](optional(map(K, V)), K) -> optional(V)", a => new CelError("internal: evaluated by the interpreter"));
        r.Add("optional_list_index_int", "_[_](optional(list(A)), int) -> optional(A)", a => new CelError("internal: evaluated by the interpreter"));
        r.Add("optional_map_index_value", "_[_](optional(map(K, V)), K) -> optional(V)", a => new CelError("internal: evaluated by the interpreter"));

        r.Add("cel_mapinsert_kv", "cel.@mapInsert(map(K, V), K, V) -> map(K, V)", a => Insert((CelMap)a[0], [new(a[1], a[2])]));
        r.Add("cel_mapinsert_map", "cel.@mapInsert(map(K, V), map(K, V)) -> map(K, V)", a => Insert((CelMap)a[0], ((CelMap)a[1]).Entries()));
        r.Add("list_append", "@append(list(A), A) -> list(A)", a =>
        {
            // Only comprehension accumulators reach here (the name cannot be written in source).
            var acc = a[0] as AccumulatorList ?? new AccumulatorList((CelList)a[0]);
            acc.Append(a[1]);
            return acc;
        });
    }

    private static object Insert(CelMap m, IEnumerable<KeyValuePair<object, object>> entries)
    {
        // The accumulator of transformMap is private to the comprehension: after the first copy it is
        // extended in place (O(n) for the whole comprehension instead of O(n²)).
        var r = m is DictCelMap { IsAccumulator: true } acc ? acc : new DictCelMap { IsAccumulator = true };
        if (!ReferenceEquals(r, m))
        {
            foreach (var kv in m.Entries())
            {
                r.TryAdd(kv.Key, kv.Value);
            }
        }

        foreach (var kv in entries)
        {
            if (!r.TryAdd(kv.Key, kv.Value))
            {
                return new CelError($"insert failed: key {ValueOps.Format(kv.Key)} already exists");
            }
        }

        return r;
    }

    /// <summary>Zero values per type: 0, 0u, 0.0, false, "", b"", null, empty list/map, zero timestamp/duration, none.</summary>
    public static bool IsZeroValue(object v) => v switch
    {
        long l => l == 0,
        ulong u => u == 0,
        double d => d == 0,
        bool b => !b,
        string s => s.Length == 0,
        CelBytes b => b.Data.Length == 0,
        CelNull => true,
        CelList l => l.Count == 0,
        CelMap m => m.Count == 0,
        CelTimestamp t => t.Seconds == 0 && t.Nanos == 0,
        CelDuration d => d.Nanos == 0,
        CelOptional o => !o.HasValue,
        CelMessage m => m.Fields.Count == 0,
        _ => false,
    };
}
