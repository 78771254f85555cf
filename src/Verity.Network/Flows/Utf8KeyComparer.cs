namespace Verity.Network.Flows;

/// <summary>Compares byte-array keys by content, and looks them up by a UTF-8 span without allocating a key.</summary>
internal sealed class Utf8KeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    public static readonly Utf8KeyComparer Instance = new();

    public bool Equals(byte[]? x, byte[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] key) => Hash(key);

    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

    /// <summary>
    /// A multiply-xorshift hash over 8 bytes at a time (keys are endpoint objects of ~500 bytes, hashed once per flow,
    /// so <see cref="HashCode.AddBytes"/>'s 4-byte steps were a visible share of ingest). Not randomized: the keys
    /// come from one capture file and a collision costs only a byte comparison.
    /// </summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        const ulong prime = 0x9E3779B97F4A7C15;
        var hash = (ulong)bytes.Length * prime;
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bytes);
        foreach (var word in words) hash = (hash ^ word) * prime ^ (hash >> 29);
        foreach (var b in bytes[(words.Length * 8)..]) hash = (hash ^ b) * prime;
        return (int)(hash ^ hash >> 32);
    }
}
