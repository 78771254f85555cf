using Verity.Cel.Library;
using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>
/// Kubernetes CIDR library (k8s.io/apiserver/pkg/cel/library/cidr.go, "net.cidr"): cidr, isCIDR,
/// containsIP(ip|string), containsCIDR(cidr|string), ip, masked, prefixLength and string(cidr).
/// </summary>
/// <remarks>
/// containsCIDR is ported from upstream's code, not its doc comment: it is true only when
/// <c>this.masked()</c> equals the other CIDR's address with this prefix length <em>unmasked</em>, so
/// <c>cidr('192.168.0.0/16').containsCIDR('192.168.10.0/24')</c> is false upstream (and here), although
/// the upstream doc comment says true. containsIP with an unparsable string is "no such overload", as upstream.
/// </remarks>
internal static class CidrLibrary
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("string_to_cidr", "cidr(string) -> net.CIDR", a => a[0] is string s ? CelCidr.Parse(s) : CelError.NoSuchOverload("cidr"));
        r.Add("is_cidr", "isCIDR(string) -> bool", a => a[0] is string s ? CelCidr.Parse(s) is CelCidr : CelError.NoSuchOverload("isCIDR"));
        r.Add("cidr_to_string", "string(net.CIDR) -> string", a => a[0] is CelCidr c ? c.ToString() : CelError.NoSuchOverload("string"));
        r.Add("cidr_contains_ip_string", "net.CIDR:containsIP(string) -> bool", a =>
            a[0] is CelCidr c && a[1] is string s && CelIp.Parse(s) is CelIp ip ? c.Contains(ip.Addr) : CelError.NoSuchOverload("containsIP"));
        r.Add("cidr_contains_ip_ip", "net.CIDR:containsIP(net.IP) -> bool", a =>
            a[0] is CelCidr c && a[1] is CelIp ip ? c.Contains(ip.Addr) : CelError.NoSuchOverload("containsIP"));
        r.Add("cidr_contains_cidr_string", "net.CIDR:containsCIDR(string) -> bool", a =>
        {
            if (a[0] is not CelCidr c || a[1] is not string s)
            {
                return CelError.NoSuchOverload("containsCIDR");
            }

            var other = CelCidr.Parse(s);
            return other is CelCidr o ? ContainsCidr(c, o) : other;
        });
        r.Add("cidr_contains_cidr", "net.CIDR:containsCIDR(net.CIDR) -> bool", a =>
            a[0] is CelCidr c && a[1] is CelCidr o ? ContainsCidr(c, o) : CelError.NoSuchOverload("containsCIDR"));
        r.Add("cidr_ip", "net.CIDR:ip() -> net.IP", a => a[0] is CelCidr c ? new CelIp(c.Addr) : CelError.NoSuchOverload("ip"));
        r.Add("cidr_prefix_length", "net.CIDR:prefixLength() -> int", a => a[0] is CelCidr c ? (long)c.Bits : CelError.NoSuchOverload("prefixLength"));
        r.Add("cidr_masked", "net.CIDR:masked() -> net.CIDR", a => a[0] is CelCidr c ? c.Masked() : CelError.NoSuchOverload("masked"));
    }

    /// <summary>Upstream: <c>cidr.Masked() == netip.PrefixFrom(other.Addr(), cidr.Bits()) &amp;&amp; cidr.Bits() &lt;= other.Bits()</c>.</summary>
    internal static bool ContainsCidr(CelCidr c, CelCidr other) =>
        c.Masked().Equals(new CelCidr(other.Addr, c.Bits)) && c.Bits <= other.Bits;
}
