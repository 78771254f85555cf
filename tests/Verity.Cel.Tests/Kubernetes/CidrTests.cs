using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Verity.Cel.Tests.Kubernetes;

/// <summary>Cases ported from kubernetes staging/src/k8s.io/apiserver/pkg/cel/library/cidr_test.go (TestCIDR) and cidr.go's doc comment.</summary>
public sealed class CidrTests
{
    [Theory]
    [InlineData("cidr(dyn(\"192.168.0.0/24\")) == cidr(\"192.168.0.0/24\")", true)]
    [InlineData("cidr(\"192.168.0.0/24\").containsIP(ip(\"192.168.0.1\"))", true)]
    [InlineData("cidr(\"192.168.0.0/24\").containsIP(ip(\"192.168.1.1\"))", false)]
    [InlineData("cidr(\"192.168.0.0/24\").containsIP(\"192.168.0.1\")", true)]
    [InlineData("cidr(\"192.168.0.0/24\").containsIP(\"192.168.1.1\")", false)]
    [InlineData("cidr(\"192.168.0.0/24\").containsCIDR(cidr(\"192.168.0.0/25\"))", true)]
    [InlineData("cidr(\"192.168.0.0/24\").containsCIDR(cidr(\"192.168.0.0/23\"))", false)]
    [InlineData("cidr(\"192.168.0.0/24\").containsCIDR(\"192.168.0.0/25\")", true)]
    [InlineData("cidr(\"192.168.0.0/24\").containsCIDR(\"192.168.0.0/23\")", false)]
    [InlineData("cidr(\"192.168.0.0/24\").ip() == ip(\"192.168.0.0\")", true)]
    [InlineData("cidr(\"192.168.0.0/24\").masked() == cidr(\"192.168.0.0/24\")", true)]
    [InlineData("cidr(\"192.168.0.1/24\").masked() == cidr(\"192.168.0.0/24\")", true)]
    [InlineData("cidr(\"192.168.0.0/24\").prefixLength()", 24L)]
    [InlineData("cidr(\"2001:db8::/32\") == cidr(\"2001:db8::/32\")", true)]
    [InlineData("cidr(\"2001:db8::/32\").containsIP(ip(\"2001:db8::1\"))", true)]
    [InlineData("cidr(\"2001:db8::/32\").containsIP(ip(\"2001:dc8::1\"))", false)]
    [InlineData("cidr(\"2001:db8::/32\").containsIP(\"2001:db8::1\")", true)]
    [InlineData("cidr(\"2001:db8::/32\").containsIP(\"2001:dc8::1\")", false)]
    [InlineData("cidr(\"2001:db8::/32\").containsCIDR(cidr(\"2001:db8::/33\"))", true)]
    [InlineData("cidr(\"2001:db8::/32\").containsCIDR(cidr(\"2001:db8::/31\"))", false)]
    [InlineData("cidr(\"2001:db8::/32\").containsCIDR(\"2001:db8::/33\")", true)]
    [InlineData("cidr(\"2001:db8::/32\").containsCIDR(\"2001:db8::/31\")", false)]
    [InlineData("cidr(\"2001:db8::/32\").ip() == ip(\"2001:db8::\")", true)]
    [InlineData("cidr(\"2001:db8::/32\").masked() == cidr(\"2001:db8::/32\")", true)]
    [InlineData("cidr(\"2001:db8:1::/32\").masked() == cidr(\"2001:db8::/32\")", true)]
    [InlineData("cidr(\"2001:db8::/32\").prefixLength()", 32L)]
    [InlineData("string(cidr(\"192.168.0.0/24\"))", "192.168.0.0/24")]
    [InlineData("type(cidr(\"192.168.0.0/24\")) == net.CIDR", true)]
    // cidr.go doc comment.
    [InlineData("isCIDR('192.168.0.0/16')", true)]
    [InlineData("isCIDR('::1/128')", true)]
    [InlineData("isCIDR('192.168.0.0/33')", false)]
    [InlineData("isCIDR('::1/129')", false)]
    [InlineData("cidr('192.168.0.1/24').ip().family()", 4L)]
    [InlineData("cidr('::1/128').ip().family()", 6L)]
    [InlineData("cidr('192.168.0.0/24') == cidr('192.168.0.0/24').masked()", true)]
    [InlineData("cidr('192.168.0.1/24') == cidr('192.168.0.1/24').masked()", false)]
    [InlineData("cidr('192.168.0.0/16').prefixLength()", 16L)]
    [InlineData("cidr('::1/128').prefixLength()", 128L)]
    // Upstream code (not its doc comment): the other CIDR's address must equal this masked address.
    [InlineData("cidr('192.168.0.0/16').containsCIDR(cidr('192.168.10.0/24'))", false)]
    [InlineData("cidr('192.168.0.0/16').containsCIDR('192.168.0.0/24')", true)]
    [InlineData("cidr('10.0.0.0/8').containsIP('::1')", false)]
    [InlineData("isCIDR('10.0.0.0/08')", false)]
    [InlineData("isCIDR('::ffff:1.2.3.4/120')", false)]
    public void Evaluates(string expr, object expected) => K8s.Is(expr, expected);

    [Theory]
    [InlineData("cidr(\"192.168.0.0/\")", "network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix(\"192.168.0.0/\"): bad bits after slash: \"\"")]
    [InlineData("cidr(\"2001:db8::/\")", "network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix(\"2001:db8::/\"): bad bits after slash: \"\"")]
    [InlineData("cidr('192.168.0.0/33')", "network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix(\"192.168.0.0/33\"): prefix length out of range")]
    [InlineData("cidr('10.0.0.0')", "network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix(\"10.0.0.0\"): no '/'")]
    [InlineData("cidr('fe80::%eth0/64')", "network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix(\"fe80::%eth0/64\"): IPv6 zones cannot be present in a prefix")]
    [InlineData("cidr('::ffff:1.2.3.4/120')", "network address parse error during conversion from string: IPv4-mapped IPv6 address \"::ffff:1.2.3.4/120\" is not allowed")]
    [InlineData("cidr('10.0.0.0/8').containsIP('not an ip')", "no such overload: containsIP")]
    public void Fails(string expr, string error) => K8s.Error(expr, error);

    [Fact]
    public void Cidr_of_an_int_is_a_compile_error() =>
        Assert.Contains("found no matching overload for 'cidr' applied to '(int)'", K8s.CompileError("cidr(192168)"));

    private static readonly CelProgram ContainsIp = K8s.Create(new Dictionary<string, CelType> { ["c"] = CelType.String, ["i"] = CelType.String })
        .Compile("cidr(c).containsIP(ip(i))").Program!;

    /// <summary>containsIP agrees with a bitmask reference on random IPv4 networks and addresses.</summary>
    [Property(MaxTest = 500)]
    public Property ContainsIP_matches_bitmask(uint net, byte bitsSeed, uint addr, bool near)
    {
        var bits = bitsSeed % 33;
        if (near)
        {
            addr = net ^ (bits == 32 ? 0 : 1u << (int)(addr % (32 - bits)));
        }

        var mask = bits == 0 ? 0u : uint.MaxValue << (32 - bits);
        var expected = (net & mask) == (addr & mask);
        static string Dotted(uint v) => $"{v >> 24}.{(v >> 16) & 0xff}.{(v >> 8) & 0xff}.{v & 0xff}";
        var r = ContainsIp.Evaluate(new Dictionary<string, object?> { ["c"] = $"{Dotted(net)}/{bits}", ["i"] = Dotted(addr) });
        return (!r.IsError && Equals(r.Value!.Raw, expected)).Label($"{Dotted(net)}/{bits} ∋ {Dotted(addr)}: expected {expected}, got {r}");
    }

    /// <summary>The same for IPv6 (addresses from two random 64-bit halves, formatted uncompressed).</summary>
    [Property(MaxTest = 300)]
    public Property ContainsIP_matches_bitmask_v6(ulong netHi, ulong netLo, byte bitsSeed, ulong flipSeed, bool near, ulong addrHi, ulong addrLo)
    {
        var bits = bitsSeed % 129;
        var net = ((UInt128)netHi << 64) | netLo;
        var addr = near ? net ^ (bits == 128 ? 0 : UInt128.One << (int)(flipSeed % (ulong)(128 - bits))) : ((UInt128)addrHi << 64) | addrLo;
        var mask = bits == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - bits);
        var expected = (net & mask) == (addr & mask);
        static string Hex(UInt128 v) => string.Join(":", Enumerable.Range(0, 8).Select(i => ((ushort)(v >> (112 - (16 * i)))).ToString("x", System.Globalization.CultureInfo.InvariantCulture)));

        // IPv4-mapped addresses are rejected by ip()/cidr(); keep the reference to plain IPv6.
        if ((net >> 32) == 0xffff || (addr >> 32) == 0xffff)
        {
            return true.ToProperty();
        }

        var r = ContainsIp.Evaluate(new Dictionary<string, object?> { ["c"] = $"{Hex(net)}/{bits}", ["i"] = Hex(addr) });
        return (!r.IsError && Equals(r.Value!.Raw, expected)).Label($"{Hex(net)}/{bits} ∋ {Hex(addr)}: expected {expected}, got {r}");
    }
}
