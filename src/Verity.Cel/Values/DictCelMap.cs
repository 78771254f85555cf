namespace Verity.Cel.Values;

/// <summary>A map built in memory (map literals, conversions); insertion order is kept for iteration.</summary>
internal sealed class DictCelMap : CelMap
{
    public static readonly DictCelMap Empty = new();

    private readonly Dictionary<object, KeyValuePair<object, object>> _entries = [];
    private readonly List<object> _order = [];

    /// <summary>Set on maps built by cel.@mapInsert for a transformMap accumulator, which may be extended in place.</summary>
    public bool IsAccumulator { get; init; }

    public override int Count => _order.Count;

    public override IEnumerable<object> Keys => _order;

    /// <summary>Adds an entry; false when an equal key is already present.</summary>
    public bool TryAdd(object key, object value)
    {
        var c = Canonical(key);
        if (c is null || _entries.ContainsKey(c))
        {
            return false;
        }

        _entries[c] = new(key, value);
        _order.Add(key);
        return true;
    }

    public override bool TryGet(object key, out object value)
    {
        var c = Canonical(key);
        if (c is not null && _entries.TryGetValue(c, out var kv))
        {
            value = kv.Value;
            return true;
        }

        value = null!;
        return false;
    }
}
