namespace Verity.Cel.Values;

/// <summary>An immutable CEL bytes value with value equality and unsigned lexicographic order.</summary>
internal sealed class CelBytes : IEquatable<CelBytes>, IComparable<CelBytes>
{
    public static readonly CelBytes Empty = new([]);

    public CelBytes(byte[] data) => Data = data;

    public byte[] Data { get; }

    public bool Equals(CelBytes? other) => other is not null && Data.AsSpan().SequenceEqual(other.Data);

    public override bool Equals(object? obj) => obj is CelBytes b && Equals(b);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(Data);
        return h.ToHashCode();
    }

    public int CompareTo(CelBytes? other) => other is null ? 1 : Data.AsSpan().SequenceCompareTo(other.Data);
}
