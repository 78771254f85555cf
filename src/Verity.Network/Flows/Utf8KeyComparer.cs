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
    /// A multiply-xorshift hash of the length, the first 16 and the last 64 bytes, 8 at a time. Keys are endpoint
    /// objects of ~500 bytes followed by an address, hashed once per flow: what tells two of them apart (the pod name,
    /// which Hubble writes last, and the IP) is at the end, and equality still compares every byte, so hashing the
    /// whole key was wasted work. Not randomized: keys come from one capture and a collision costs only a comparison.
    /// </summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        const ulong prime = 0x9E3779B97F4A7C15;
        var hash = (ulong)bytes.Length * prime;
        var head = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bytes[..Math.Min(16, bytes.Length)]);
        var tail = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bytes[Math.Max(0, bytes.Length - 64)..]);
        foreach (var word in head) hash = (hash ^ word) * prime ^ (hash >> 29);
        foreach (var word in tail) hash = (hash ^ word) * prime ^ (hash >> 29);
        foreach (var b in bytes[(bytes.Length & ~7)..]) hash = (hash ^ b) * prime;
        return (int)(hash ^ hash >> 32);
    }
}
