using System.Text;

namespace Verity.Cel.Kubernetes;

/// <summary>
/// An IP address as Go's net/netip.Addr sees it: 128 bits, an IPv4 flag (IPv4 addresses are kept
/// as IPv4-mapped bits, as netip does) and an optional IPv6 zone. Parsing and formatting follow
/// netip.ParseAddr / Addr.String exactly, including their error texts, because Kubernetes reports them.
/// </summary>
internal readonly record struct GoAddr(UInt128 Bits, bool Is4, string Zone)
{
    private static readonly UInt128 V4Mapped = (UInt128)0xffff << 32;

    public bool Is6 => !Is4;

    public int BitLen => Is4 ? 32 : 128;

    /// <summary>An IPv6 address of the form ::ffff:a.b.c.d.</summary>
    public bool Is4In6 => !Is4 && (Bits >> 32) == 0xffff;

    public uint V4 => (uint)(Bits & 0xffffffff);

    public static GoAddr From4(uint v) => new(V4Mapped | v, true, "");

    public bool IsUnspecified => Is4 ? V4 == 0 : Bits == 0 && Zone.Length == 0;

    public bool IsLoopback => Is4 ? V4 >> 24 == 127 : Bits == 1;

    public bool IsMulticast => Is4 ? (V4 >> 24 & 0xf0) == 0xe0 : Bits >> 120 == 0xff;

    public bool IsLinkLocalMulticast => Is4 ? V4 >> 8 == 0xe00000 : (Word(0) & 0xff0f) == 0xff02;

    public bool IsLinkLocalUnicast => Is4 ? V4 >> 16 == 0xa9fe : (Word(0) & 0xffc0) == 0xfe80;

    /// <summary>netip.Addr.IsGlobalUnicast (private IPv4 and ULA IPv6 count as global, like package net).</summary>
    public bool IsGlobalUnicast
    {
        get
        {
            if (Is4 && (V4 == 0 || V4 == 0xffffffff))
            {
                return false;
            }

            return !(Is6 && Bits == 0) && !IsLoopback && !IsMulticast && !IsLinkLocalUnicast;
        }
    }

    private ushort Word(int i) => (ushort)(Bits >> (112 - (16 * i)));

    /// <summary>netip.ParseAddr. Returns null and the address, or the Go error text.</summary>
    public static string? Parse(string s, out GoAddr addr)
    {
        addr = default;
        for (var i = 0; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '.':
                    var fields = new byte[4];
                    var err = ParseIPv4Fields(s, 0, s.Length, fields, 0);
                    if (err is null)
                    {
                        addr = From4((uint)(fields[0] << 24 | fields[1] << 16 | fields[2] << 8 | fields[3]));
                    }

                    return err;
                case ':':
                    return ParseIPv6(s, out addr);
                case '%':
                    return Error(s, "missing IPv6 address");
            }
        }

        return Error(s, "unable to parse IP");
    }

    private static string Error(string input, string msg, string? at = null) =>
        "ParseAddr(" + GoText.Quote(input) + "): " + msg + (string.IsNullOrEmpty(at) ? "" : " (at " + GoText.Quote(at) + ")");

    private static string? ParseIPv4Fields(string input, int off, int end, byte[] fields, int fieldOffset)
    {
        int val = 0, pos = 0, digLen = 0;
        var s = input[off..end];
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is >= '0' and <= '9')
            {
                if (digLen == 1 && val == 0)
                {
                    return Error(input, "IPv4 field has octet with leading zero");
                }

                val = (val * 10) + (c - '0');
                digLen++;
                if (val > 255)
                {
                    return Error(input, "IPv4 field has value >255");
                }
            }
            else if (c == '.')
            {
                if (i == 0 || i == s.Length - 1 || s[i - 1] == '.')
                {
                    return Error(input, "IPv4 field must have at least one digit", s[i..]);
                }

                if (pos == 3)
                {
                    return Error(input, "IPv4 address too long");
                }

                fields[fieldOffset + pos] = (byte)val;
                pos++;
                val = 0;
                digLen = 0;
            }
            else
            {
                return Error(input, "unexpected character", s[i..]);
            }
        }

        if (pos < 3)
        {
            return Error(input, "IPv4 address too short");
        }

        fields[fieldOffset + 3] = (byte)val;
        return null;
    }

    private static string? ParseIPv6(string input, out GoAddr addr)
    {
        addr = default;
        var s = input;
        var zone = "";
        var pct = s.IndexOf('%', StringComparison.Ordinal);
        if (pct >= 0)
        {
            zone = s[(pct + 1)..];
            s = s[..pct];
            if (zone.Length == 0)
            {
                return Error(input, "zone must be a non-empty string");
            }
        }

        var ip = new byte[16];
        var ellipsis = -1;
        if (s.Length >= 2 && s[0] == ':' && s[1] == ':')
        {
            ellipsis = 0;
            s = s[2..];
            if (s.Length == 0)
            {
                addr = new GoAddr(0, false, zone);
                return null;
            }
        }

        var i = 0;
        while (i < 16)
        {
            var off = 0;
            uint acc = 0;
            for (; off < s.Length; off++)
            {
                var c = s[off];
                if (c is >= '0' and <= '9')
                {
                    acc = (acc << 4) + (uint)(c - '0');
                }
                else if (c is >= 'a' and <= 'f')
                {
                    acc = (acc << 4) + (uint)(c - 'a' + 10);
                }
                else if (c is >= 'A' and <= 'F')
                {
                    acc = (acc << 4) + (uint)(c - 'A' + 10);
                }
                else
                {
                    break;
                }

                if (acc > ushort.MaxValue)
                {
                    return Error(input, "IPv6 field has value >=2^16", s);
                }
            }

            if (off == 0)
            {
                return Error(input, "each colon-separated field must have at least one digit", s);
            }

            if (off < s.Length && s[off] == '.')
            {
                if (ellipsis < 0 && i != 12)
                {
                    return Error(input, "embedded IPv4 address must replace the final 2 fields of the address", s);
                }

                if (i + 4 > 16)
                {
                    return Error(input, "too many hex fields to fit an embedded IPv4 at the end of the address", s);
                }

                var end = input.Length - (zone.Length > 0 ? zone.Length + 1 : 0);
                var err = ParseIPv4Fields(input, end - s.Length, end, ip, i);
                if (err is not null)
                {
                    return err;
                }

                s = "";
                i += 4;
                break;
            }

            ip[i] = (byte)(acc >> 8);
            ip[i + 1] = (byte)acc;
            i += 2;
            s = s[off..];
            if (s.Length == 0)
            {
                break;
            }

            if (s[0] != ':')
            {
                return Error(input, "unexpected character, want colon", s);
            }

            if (s.Length == 1)
            {
                return Error(input, "colon must be followed by more characters", s);
            }

            s = s[1..];
            if (s[0] == ':')
            {
                if (ellipsis >= 0)
                {
                    return Error(input, "multiple :: in address", s);
                }

                ellipsis = i;
                s = s[1..];
                if (s.Length == 0)
                {
                    break;
                }
            }
        }

        if (s.Length != 0)
        {
            return Error(input, "trailing garbage after address", s);
        }

        if (i < 16)
        {
            if (ellipsis < 0)
            {
                return Error(input, "address string too short");
            }

            var n = 16 - i;
            for (var j = i - 1; j >= ellipsis; j--)
            {
                ip[j + n] = ip[j];
            }

            for (var j = ellipsis + n - 1; j >= ellipsis; j--)
            {
                ip[j] = 0;
            }
        }
        else if (ellipsis >= 0)
        {
            return Error(input, "the :: must expand to at least one field of zeros");
        }

        UInt128 bits = 0;
        foreach (var b in ip)
        {
            bits = (bits << 8) | b;
        }

        addr = new GoAddr(bits, false, zone);
        return null;
    }

    /// <summary>netip.Addr.String: dotted quad, RFC 5952 IPv6, "::ffff:a.b.c.d" for IPv4-mapped, "%zone" suffix.</summary>
    public override string ToString()
    {
        if (Is4)
        {
            return Dotted(V4);
        }

        var sb = new StringBuilder();
        if (Is4In6)
        {
            sb.Append("::ffff:").Append(Dotted(V4));
        }
        else
        {
            int zeroStart = 255, zeroEnd = 255;
            for (var i = 0; i < 8; i++)
            {
                var j = i;
                while (j < 8 && Word(j) == 0)
                {
                    j++;
                }

                if (j - i >= 2 && j - i > zeroEnd - zeroStart)
                {
                    zeroStart = i;
                    zeroEnd = j;
                }
            }

            for (var i = 0; i < 8; i++)
            {
                if (i == zeroStart)
                {
                    sb.Append("::");
                    i = zeroEnd;
                    if (i >= 8)
                    {
                        break;
                    }
                }
                else if (i > 0)
                {
                    sb.Append(':');
                }

                sb.Append(Word(i).ToString("x", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (Zone.Length > 0)
        {
            sb.Append('%').Append(Zone);
        }

        return sb.ToString();
    }

    private static string Dotted(uint v) => $"{v >> 24}.{(v >> 16) & 0xff}.{(v >> 8) & 0xff}.{v & 0xff}";
}
