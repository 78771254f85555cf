using Verity.Cel.Library;
using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>
/// Kubernetes IP library (k8s.io/apiserver/pkg/cel/library/ip.go, "kubernetes.net.ip"): ip, isIP,
/// ip.isCanonical, family, isUnspecified, isLoopback, isLinkLocalMulticast, isLinkLocalUnicast,
/// isGlobalUnicast and string(ip). Parsing is Go's netip.ParseAddr (no leading zeros in IPv4
/// octets) minus zones and IPv4-mapped IPv6 addresses.
/// </summary>
internal static class IpLibrary
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("string_to_ip", "ip(string) -> net.IP", a => a[0] is string s ? CelIp.Parse(s) : CelError.NoSuchOverload("ip"));
        r.Add("is_ip", "isIP(string) -> bool", a => a[0] is string s ? CelIp.Parse(s) is CelIp : CelError.NoSuchOverload("isIP"));
        r.Add("ip_is_canonical", "ip.isCanonical(string) -> bool", a =>
        {
            if (a[0] is not string s)
            {
                return CelError.NoSuchOverload("ip.isCanonical");
            }

            var v = CelIp.Parse(s);
            return v is CelIp ip ? ip.ToString() == s : v;
        });
        r.Add("ip_to_string", "string(net.IP) -> string", a => a[0] is CelIp ip ? ip.ToString() : CelError.NoSuchOverload("string"));
        r.Add("ip_family", "net.IP:family() -> int", a => On(a, "family", ip => ip.Addr.Is4 ? 4L : 6L));
        r.Add("ip_is_unspecified", "net.IP:isUnspecified() -> bool", a => On(a, "isUnspecified", ip => ip.Addr.IsUnspecified));
        r.Add("ip_is_loopback", "net.IP:isLoopback() -> bool", a => On(a, "isLoopback", ip => ip.Addr.IsLoopback));
        r.Add("ip_is_link_local_multicast", "net.IP:isLinkLocalMulticast() -> bool", a => On(a, "isLinkLocalMulticast", ip => ip.Addr.IsLinkLocalMulticast));
        r.Add("ip_is_link_local_unicast", "net.IP:isLinkLocalUnicast() -> bool", a => On(a, "isLinkLocalUnicast", ip => ip.Addr.IsLinkLocalUnicast));
        r.Add("ip_is_global_unicast", "net.IP:isGlobalUnicast() -> bool", a => On(a, "isGlobalUnicast", ip => ip.Addr.IsGlobalUnicast));
    }

    private static object On(object[] a, string fn, Func<CelIp, object> f) => a[0] is CelIp ip ? f(ip) : CelError.NoSuchOverload(fn);
}
