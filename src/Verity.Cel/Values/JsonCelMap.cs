using System.Text.Json;

namespace Verity.Cel.Values;

/// <summary>
/// A map view over a JSON object: string keys; a lookup reads that one property and converts
/// it to a CEL value (nested objects and arrays stay lazy). Duplicate JSON property names:
/// the last one wins, like encoding/json.
/// </summary>
internal sealed class JsonCelMap : CelMap
{
    private readonly JsonElement _object;
    private int _count = -1;

    public JsonCelMap(JsonElement obj) => _object = obj;

    public override int Count
    {
        get
        {
            if (_count < 0)
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in _object.EnumerateObject())
                {
                    names.Add(p.Name);
                }

                _count = names.Count;
            }

            return _count;
        }
    }

    public override IEnumerable<object> Keys
    {
        get
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in _object.EnumerateObject())
            {
                if (seen.Add(p.Name))
                {
                    yield return p.Name;
                }
            }
        }
    }

    public override bool TryGet(object key, out object value)
    {
        if (key is string s && _object.TryGetProperty(s, out var el))
        {
            value = ValueConverter.FromJson(el);
            return true;
        }

        value = null!;
        return false;
    }
}
