namespace Verity.Cel.Values;

/// <summary>
/// A CEL map. Keys are int, uint, bool or string; lookups are heterogeneous on numbers
/// (key 1 is found by 1u and 1.0, https://github.com/google/cel-spec/blob/master/doc/langdef.md#numbers).
/// </summary>
internal abstract class CelMap
{
    public abstract int Count { get; }

    /// <summary>Looks up <paramref name="key"/>; false when absent (including keys of unsupported types).</summary>
    public abstract bool TryGet(object key, out object value);

    public abstract IEnumerable<object> Keys { get; }

    public IEnumerable<KeyValuePair<object, object>> Entries()
    {
        foreach (var k in Keys)
        {
            TryGet(k, out var v);
            yield return new(k, v);
        }
    }

    /// <summary>Canonical lookup form of a key: integral numbers share one form; null for invalid key types.</summary>
    public static object? Canonical(object key) => key switch
    {
        long l => l,
        ulong u => u <= long.MaxValue ? (long)u : u,
        double d when double.IsFinite(d) && Math.Floor(d) == d && d >= -9.2233720368547758E18 && d < 9.2233720368547758E18 => (long)d,
        double d when double.IsFinite(d) && Math.Floor(d) == d && d >= 0 && d < 1.8446744073709552E19 => (ulong)d,
        double => double.NaN,
        string or bool => key,
        _ => null,
    };

    public static bool IsValidKeyType(object key) => key is long or ulong or string or bool;
}
