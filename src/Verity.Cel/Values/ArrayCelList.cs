namespace Verity.Cel.Values;

/// <summary>A list backed by an array of CEL values.</summary>
internal sealed class ArrayCelList : CelList
{
    public static readonly ArrayCelList Empty = new([]);

    private readonly object[] _items;

    public ArrayCelList(object[] items) => _items = items;

    public override int Count => _items.Length;

    public override object this[int index] => _items[index];

    public static ArrayCelList Concat(CelList a, CelList b)
    {
        var arr = new object[a.Count + b.Count];
        for (var i = 0; i < a.Count; i++)
        {
            arr[i] = a[i];
        }

        for (var i = 0; i < b.Count; i++)
        {
            arr[a.Count + i] = b[i];
        }

        return new ArrayCelList(arr);
    }
}
