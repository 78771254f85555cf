using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>A CEL <c>net.IP</c> value: an IPv4 or IPv6 address without zone and never IPv4-mapped (Kubernetes rejects both).</summary>
internal sealed class CelIp : ICelOpaqueValue, IEquatable<CelIp>
{
    public CelIp(GoAddr addr) => Addr = addr;

    public GoAddr Addr { get; }

    public string TypeName => KubernetesTypes.Ip;

    /// <summary>
    /// k8s.io/apiserver/pkg/cel/library/ip.go parseIPAddr: netip.ParseAddr, then reject zones and
    /// IPv4-mapped IPv6 addresses. Returns the value or a <see cref="CelError"/> with the upstream text.
    /// </summary>
    public static object Parse(string raw)
    {
        var err = GoAddr.Parse(raw, out var addr);
        if (err is not null)
        {
            return new CelError($"IP Address {GoText.Quote(raw)} parse error during conversion from string: {err}");
        }

        if (addr.Zone.Length > 0)
        {
            return new CelError($"IP address {GoText.Quote(raw)} with zone value is not allowed");
        }

        if (addr.Is4In6)
        {
            return new CelError($"IPv4-mapped IPv6 address {GoText.Quote(raw)} is not allowed");
        }

        return new CelIp(addr);
    }

    public bool Equals(CelIp? other) => other is not null && other.Addr == Addr;

    public override bool Equals(object? obj) => obj is CelIp o && Equals(o);

    public override int GetHashCode() => Addr.GetHashCode();

    public override string ToString() => Addr.ToString();
}
