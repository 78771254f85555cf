namespace Verity.Cel.Values;

/// <summary>
/// The list a map/filter/transformList comprehension builds. It is private to one comprehension
/// evaluation (its accumulator variable cannot be named in source), so <c>@append</c> extends it in
/// place: building an n-element result costs O(n), not O(n²). Once the comprehension returns it,
/// nothing appends to it again, so it behaves as an immutable list.
/// </summary>
internal sealed class AccumulatorList : CelList
{
    private readonly List<object> _items;

    public AccumulatorList(CelList seed)
    {
        _items = new List<object>(Math.Max(4, seed.Count + 1));
        for (var i = 0; i < seed.Count; i++)
        {
            _items.Add(seed[i]);
        }
    }

    public override int Count => _items.Count;

    public override object this[int index] => _items[index];

    public void Append(object item) => _items.Add(item);
}
