using System.Text.Json;

namespace Verity.Cel.Values;

/// <summary>
/// A list view over a JSON array. Elements are converted to CEL values on access
/// (objects and arrays stay lazy views), so no whole-document conversion happens per evaluation.
/// </summary>
internal sealed class JsonCelList : CelList
{
    private readonly JsonElement _array;
    private readonly int _count;

    // JsonElement indexing is O(n) for arrays with object/array children; elements are captured
    // once (struct copies, no conversion) on first access so iteration stays linear.
    private JsonElement[]? _elements;

    public JsonCelList(JsonElement array)
    {
        _array = array;
        _count = array.GetArrayLength();
    }

    public override int Count => _count;

    public override object this[int index] => ValueConverter.FromJson((_elements ??= [.. _array.EnumerateArray()])[index]);
}
