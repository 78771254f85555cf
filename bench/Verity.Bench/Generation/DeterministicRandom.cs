namespace Verity.Bench.Generation;

/// <summary>
/// SplitMix64. Unlike <see cref="Random"/>, whose seeded sequence the runtime does not promise to keep
/// across versions, this sequence is fixed by this code: the same seed gives the same cluster, byte for
/// byte, on every machine and every .NET version.
/// </summary>
public sealed class DeterministicRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A generator for one named part of the cluster: its values do not depend on what was generated before.</summary>
    public static DeterministicRandom For(int seed, string scope) => new(Hash(seed, scope));

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>A value in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public bool Chance(double probability) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A random lowercase hex string of <paramref name="length"/> digits (container IDs, image digests).</summary>
    public string Hex(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = "0123456789abcdef"[Next(16)];
        return new string(chars);
    }

    /// <summary>A name suffix as Kubernetes generates them (k8s.io/apimachinery rand.String: no vowels, no 0/1/3).</summary>
    public string NameSuffix(int length)
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = alphabet[Next(alphabet.Length)];
        return new string(chars);
    }

    /// <summary>A version 4 UUID in the form the API server writes into <c>metadata.uid</c>.</summary>
    public string Uuid()
    {
        var bytes = new byte[16];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), NextUInt64());
        BitConverter.TryWriteBytes(bytes.AsSpan(8, 8), NextUInt64());
        bytes[6] = (byte)(bytes[6] & 0x0F | 0x40);
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary>FNV-1a over the scope's characters, mixed with the seed.</summary>
    private static ulong Hash(int seed, string scope)
    {
        var hash = 14695981039346656037UL ^ (ulong)(uint)seed * 0x9E3779B97F4A7C15UL;
        foreach (var c in scope)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
