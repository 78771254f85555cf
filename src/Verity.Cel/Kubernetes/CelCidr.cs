using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>
/// A CEL <c>net.CIDR</c> value: Go's netip.Prefix, i.e. an address and a prefix length. The address
/// keeps its host bits as written (<c>cidr('10.0.0.1/8')</c> is valid and differs from its
/// <c>masked()</c> form), exactly as upstream.
/// </summary>
internal sealed class CelCidr : ICelOpaqueValue, IEquatable<CelCidr>
{
    public CelCidr(GoAddr addr, int bits)
    {
        Addr = addr;
        Bits = bits;
    }

    public GoAddr Addr { get; }

    public int Bits { get; }

    public string TypeName => KubernetesTypes.Cidr;

    /// <summary>
    /// k8s.io/apiserver/pkg/cel/library/cidr.go stringToCIDR(parseCIDR(s)): netip.ParsePrefix, reject
    /// IPv4-mapped IPv6; errors carry upstream's (doubled) "network address parse error" prefix.
    /// </summary>
    public static object Parse(string raw)
    {
        const string Prefix = "network address parse error during conversion from string: ";
        var err = ParsePrefix(raw, out var addr, out var bits);
        if (err is not null)
        {
            return new CelError(Prefix + Prefix + err);
        }

        if (addr.Is4In6)
        {
            return new CelError(Prefix + $"IPv4-mapped IPv6 address {GoText.Quote(raw)} is not allowed");
        }

        return new CelCidr(addr, bits);
    }

    /// <summary>netip.ParsePrefix with its error texts.</summary>
    public static string? ParsePrefix(string s, out GoAddr addr, out int bits)
    {
        bits = -1;
        addr = default;
        string Err(string msg) => "netip.ParsePrefix(" + GoText.Quote(s) + "): " + msg;
        var i = s.LastIndexOf('/');
        if (i < 0)
        {
            return Err("no '/'");
        }

        var e = GoAddr.Parse(s[..i], out addr);
        if (e is not null)
        {
            return Err(e);
        }

        if (addr.Is6 && addr.Zone.Length > 0)
        {
            return Err("IPv6 zones cannot be present in a prefix");
        }

        var bitsStr = s[(i + 1)..];
        if (bitsStr.Length > 1 && (bitsStr[0] < '1' || bitsStr[0] > '9'))
        {
            return Err("bad bits after slash: " + GoText.Quote(bitsStr));
        }

        if (bitsStr.Length == 0 || bitsStr.Length > 18 || !bitsStr.All(char.IsAsciiDigit))
        {
            return Err("bad bits after slash: " + GoText.Quote(bitsStr));
        }

        var n = long.Parse(bitsStr, System.Globalization.CultureInfo.InvariantCulture);
        if (n > addr.BitLen)
        {
            return Err("prefix length out of range");
        }

        bits = (int)n;
        return null;
    }

    /// <summary>netip.Prefix.Contains: same family and the first <see cref="Bits"/> bits agree.</summary>
    public bool Contains(GoAddr ip)
    {
        if (ip.Zone.Length > 0 || ip.Is4 != Addr.Is4)
        {
            return false;
        }

        if (Bits == 0)
        {
            return true;
        }

        return Addr.Is4 ? (ip.V4 ^ Addr.V4) >> (32 - Bits) == 0 : (ip.Bits ^ Addr.Bits) >> (128 - Bits) == 0;
    }

    /// <summary>netip.Prefix.Masked: host bits cleared.</summary>
    public CelCidr Masked()
    {
        if (Addr.Is4)
        {
            var mask = Bits == 0 ? 0u : uint.MaxValue << (32 - Bits);
            return new CelCidr(GoAddr.From4(Addr.V4 & mask), Bits);
        }

        var m = Bits == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - Bits);
        return new CelCidr(new GoAddr(Addr.Bits & m, false, ""), Bits);
    }

    public bool Equals(CelCidr? other) => other is not null && other.Addr == Addr && other.Bits == Bits;

    public override bool Equals(object? obj) => obj is CelCidr o && Equals(o);

    public override int GetHashCode() => HashCode.Combine(Addr, Bits);

    public override string ToString() => Addr + "/" + Bits.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
