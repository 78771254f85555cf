namespace Verity.Cel.Values;

/// <summary>A CEL list. Implementations are immutable views; elements are CEL values.</summary>
internal abstract class CelList
{
    public abstract int Count { get; }

    public abstract object this[int index] { get; }

    public IEnumerable<object> Items()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }
}
