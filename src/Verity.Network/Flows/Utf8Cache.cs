namespace Verity.Network.Flows;

/// <summary>
/// Values built from UTF-8 bytes, remembered by those bytes: a capture repeats the same pods, labels and verdicts
/// millions of times, so each distinct text is decoded once. At most <paramref name="capacity"/> entries are kept;
/// past that, values are built every time (still correct, only slower). Not thread-safe: one per reader.
/// </summary>
internal sealed class Utf8Cache<T>(int capacity) where T : class
{
    private readonly Dictionary<byte[], T>.AlternateLookup<ReadOnlySpan<byte>> _lookup =
        new Dictionary<byte[], T>(Utf8KeyComparer.Instance).GetAlternateLookup<ReadOnlySpan<byte>>();

    public T GetOrAdd<TState>(ReadOnlySpan<byte> key, TState state, Func<TState, T> create) where TState : allows ref struct
    {
        if (_lookup.TryGetValue(key, out var found)) return found;
        var value = create(state);
        if (_lookup.Dictionary.Count < capacity) _lookup[key] = value;
        return value;
    }
}
