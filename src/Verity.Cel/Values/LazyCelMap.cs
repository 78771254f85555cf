namespace Verity.Cel.Values;

/// <summary>
/// A string-keyed map whose values are computed on first access and then memoised (for
/// ValidatingAdmissionPolicy <c>variables</c>, which are evaluated lazily, at most once per
/// request). Not thread-safe: build one per evaluation.
/// </summary>
internal sealed class LazyCelMap : CelMap
{
    private readonly IReadOnlyList<string> _keys;
    private readonly HashSet<string> _keySet;
    private readonly Func<string, object?> _resolve;
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);

    public LazyCelMap(IEnumerable<string> keys, Func<string, object?> resolve)
    {
        _keys = keys.Distinct(StringComparer.Ordinal).ToList();
        _keySet = new HashSet<string>(_keys, StringComparer.Ordinal);
        _resolve = resolve;
    }

    public override int Count => _keys.Count;

    public override IEnumerable<object> Keys => _keys;

    public override bool TryGet(object key, out object value)
    {
        if (key is not string s || !_keySet.Contains(s))
        {
            value = null!;
            return false;
        }

        if (!_values.TryGetValue(s, out value!))
        {
            value = ValueConverter.FromClr(_resolve(s));
            _values[s] = value;
        }

        return true;
    }
}
