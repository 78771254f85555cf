using System.Text;

namespace Verity.Cel.Kubernetes;

/// <summary>
/// The parts of Go's net/url that the Kubernetes URL library and the <c>uri</c> format observe:
/// <see cref="ParseRequestUri"/> (url.ParseRequestURI), <see cref="Parse"/> (url.Parse), EscapedPath,
/// Hostname, Port and Query. Error texts are Go's (<c>parse "x": invalid URI for request</c>).
/// Known gap: newer Go versions also validate the address inside "[...]" hosts; this port does not.
/// </summary>
internal sealed class GoUrl
{
    private enum Mode
    {
        Path,
        Host,
        Zone,
        UserPassword,
        QueryComponent,
        Fragment,
    }

    public string Scheme { get; private set; } = "";

    public string Opaque { get; private set; } = "";

    public string Host { get; private set; } = "";

    public string Path { get; private set; } = "";

    public string RawPath { get; private set; } = "";

    public string RawQuery { get; private set; } = "";

    public string Fragment { get; private set; } = "";

    /// <summary>url.ParseRequestURI: absolute URI or absolute path; no fragment splitting.</summary>
    public static string? ParseRequestUri(string raw, out GoUrl url)
    {
        var err = ParseCore(raw, viaRequest: true, out url);
        return err is null ? null : "parse " + GoText.Quote(raw) + ": " + err;
    }

    /// <summary>url.Parse: splits off "#fragment", then parses leniently.</summary>
    public static string? Parse(string raw, out GoUrl url)
    {
        var hash = raw.IndexOf('#', StringComparison.Ordinal);
        var u = hash < 0 ? raw : raw[..hash];
        var err = ParseCore(u, viaRequest: false, out url);
        if (err is null && hash >= 0)
        {
            var frag = raw[(hash + 1)..];
            err = Unescape(frag, Mode.Fragment, out var f);
            url.Fragment = f;
        }

        return err is null ? null : "parse " + GoText.Quote(raw) + ": " + err;
    }

    private static string? ParseCore(string raw, bool viaRequest, out GoUrl url)
    {
        url = new GoUrl();
        if (raw.Any(c => c < 0x20 || c == 0x7f))
        {
            return "net/url: invalid control character in URL";
        }

        if (raw.Length == 0 && viaRequest)
        {
            return "empty url";
        }

        if (raw == "*")
        {
            url.Path = "*";
            return null;
        }

        var err = GetScheme(raw, out var scheme, out var rest);
        if (err is not null)
        {
            return err;
        }

        url.Scheme = scheme.ToLowerInvariant();
        if (rest.EndsWith('?') && rest.Count(c => c == '?') == 1)
        {
            rest = rest[..^1];
        }
        else
        {
            var q = rest.IndexOf('?', StringComparison.Ordinal);
            if (q >= 0)
            {
                url.RawQuery = rest[(q + 1)..];
                rest = rest[..q];
            }
        }

        if (!rest.StartsWith('/'))
        {
            if (url.Scheme.Length > 0)
            {
                url.Opaque = rest;
                return null;
            }

            if (viaRequest)
            {
                return "invalid URI for request";
            }

            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if ((slash < 0 ? rest : rest[..slash]).Contains(':', StringComparison.Ordinal))
            {
                return "first path segment in URL cannot contain colon";
            }
        }

        if ((url.Scheme.Length > 0 || (!viaRequest && !rest.StartsWith("///", StringComparison.Ordinal))) && rest.StartsWith("//", StringComparison.Ordinal))
        {
            var authority = rest[2..];
            rest = "";
            var i = authority.IndexOf('/', StringComparison.Ordinal);
            if (i >= 0)
            {
                rest = authority[i..];
                authority = authority[..i];
            }

            err = ParseAuthority(authority, out var host);
            if (err is not null)
            {
                return err;
            }

            url.Host = host;
        }

        err = Unescape(rest, Mode.Path, out var path);
        if (err is not null)
        {
            return err;
        }

        url.Path = path;
        url.RawPath = Escape(path, Mode.Path) == rest ? "" : rest;
        return null;
    }

    private static string? GetScheme(string raw, out string scheme, out string rest)
    {
        scheme = "";
        rest = raw;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsAsciiLetter(c))
            {
                continue;
            }

            if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
            {
                if (i == 0)
                {
                    return null;
                }

                continue;
            }

            if (c == ':')
            {
                if (i == 0)
                {
                    return "missing protocol scheme";
                }

                scheme = raw[..i];
                rest = raw[(i + 1)..];
            }

            return null;
        }

        return null;
    }

    private static string? ParseAuthority(string authority, out string host)
    {
        var at = authority.LastIndexOf('@');
        var err = ParseHost(at < 0 ? authority : authority[(at + 1)..], out host);
        if (err is not null || at < 0)
        {
            return err;
        }

        var userinfo = authority[..at];
        foreach (var c in userinfo)
        {
            if (!char.IsAsciiLetterOrDigit(c) && "-._:~!$&'()*+,;=%@".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return "net/url: invalid userinfo";
            }
        }

        return Unescape(userinfo, Mode.UserPassword, out _);
    }

    private static string? ParseHost(string host, out string result)
    {
        result = "";
        if (host.StartsWith('['))
        {
            var i = host.LastIndexOf(']');
            if (i < 0)
            {
                return "missing ']' in host";
            }

            var colonPort = host[(i + 1)..];
            if (!ValidOptionalPort(colonPort))
            {
                return "invalid port " + GoText.Quote(colonPort) + " after host";
            }

            var zone = host[..i].IndexOf("%25", StringComparison.Ordinal);
            if (zone >= 0)
            {
                var e1 = Unescape(host[..zone], Mode.Host, out var h1);
                if (e1 is not null)
                {
                    return e1;
                }

                var e2 = Unescape(host[zone..i], Mode.Zone, out var h2);
                if (e2 is not null)
                {
                    return e2;
                }

                var e3 = Unescape(host[i..], Mode.Host, out var h3);
                if (e3 is not null)
                {
                    return e3;
                }

                result = h1 + h2 + h3;
                return null;
            }
        }
        else
        {
            var i = host.LastIndexOf(':');
            if (i >= 0 && !ValidOptionalPort(host[i..]))
            {
                return "invalid port " + GoText.Quote(host[i..]) + " after host";
            }
        }

        return Unescape(host, Mode.Host, out result);
    }

    private static bool ValidOptionalPort(string port) =>
        port.Length == 0 || (port[0] == ':' && port.Skip(1).All(char.IsAsciiDigit));

    /// <summary>url.URL.EscapedPath.</summary>
    public string EscapedPath()
    {
        if (RawPath.Length > 0 && ValidEncoded(RawPath) && Unescape(RawPath, Mode.Path, out var p) is null && p == Path)
        {
            return RawPath;
        }

        return Path == "*" ? "*" : Escape(Path, Mode.Path);
    }

    /// <summary>url.URL.Hostname: host without port and without IPv6 brackets.</summary>
    public string Hostname() => SplitHostPort(Host).Host;

    /// <summary>url.URL.Port: the digits after the last colon, or "".</summary>
    public string Port() => SplitHostPort(Host).Port;

    private static (string Host, string Port) SplitHostPort(string hostPort)
    {
        var host = hostPort;
        var port = "";
        var colon = host.LastIndexOf(':');
        if (colon >= 0 && ValidOptionalPort(host[colon..]))
        {
            port = host[(colon + 1)..];
            host = host[..colon];
        }

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        return (host, port);
    }

    /// <summary>url.ParseQuery (errors ignored, like URL.Query): '&amp;'-separated, keys with ';' skipped, '+' is a space.</summary>
    public List<KeyValuePair<string, List<string>>> Query()
    {
        var result = new List<KeyValuePair<string, List<string>>>();
        var query = RawQuery;
        while (query.Length > 0)
        {
            var amp = query.IndexOf('&', StringComparison.Ordinal);
            var key = amp < 0 ? query : query[..amp];
            query = amp < 0 ? "" : query[(amp + 1)..];
            if (key.Contains(';', StringComparison.Ordinal) || key.Length == 0)
            {
                continue;
            }

            var eq = key.IndexOf('=', StringComparison.Ordinal);
            var value = eq < 0 ? "" : key[(eq + 1)..];
            key = eq < 0 ? key : key[..eq];
            if (Unescape(key, Mode.QueryComponent, out var k) is not null || Unescape(value, Mode.QueryComponent, out var v) is not null)
            {
                continue;
            }

            var entry = result.FindIndex(e => e.Key == k);
            if (entry < 0)
            {
                result.Add(new(k, [v]));
            }
            else
            {
                result[entry].Value.Add(v);
            }
        }

        return result;
    }

    private static bool ShouldEscape(byte c, Mode mode)
    {
        if (c is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9'))
        {
            return false;
        }

        if (mode is Mode.Host or Mode.Zone && "!$&'()*+,;=:[]<>\"".IndexOf((char)c, StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        switch ((char)c)
        {
            case '-' or '_' or '.' or '~':
                return false;
            case '$' or '&' or '+' or ',' or '/' or ':' or ';' or '=' or '?' or '@':
                switch (mode)
                {
                    case Mode.Path: return c == '?';
                    case Mode.UserPassword: return c is (byte)'@' or (byte)'/' or (byte)'?' or (byte)':';
                    case Mode.QueryComponent: return true;
                    case Mode.Fragment: return false;
                }

                break;
        }

        if (mode == Mode.Fragment && c is (byte)'!' or (byte)'(' or (byte)')' or (byte)'*')
        {
            return false;
        }

        return true;
    }

    private static bool ValidEncoded(string s)
    {
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            if ("!$&'()*+,;=:@[]%".IndexOf((char)b, StringComparison.Ordinal) >= 0 && b < 0x80)
            {
                continue;
            }

            if (ShouldEscape(b, Mode.Path))
            {
                return false;
            }
        }

        return true;
    }

    private static string Escape(string s, Mode mode)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            if (!ShouldEscape(b, mode))
            {
                sb.Append((char)b);
            }
            else if (b == ' ' && mode == Mode.QueryComponent)
            {
                sb.Append('+');
            }
            else
            {
                sb.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 15]);
            }
        }

        return sb.ToString();
    }

    private static string? Unescape(string s, Mode mode, out string result)
    {
        result = "";
        var bytes = Encoding.UTF8.GetBytes(s);
        var outBytes = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length;)
        {
            var c = bytes[i];
            if (c == '%')
            {
                if (i + 2 >= bytes.Length || !IsHex(bytes[i + 1]) || !IsHex(bytes[i + 2]))
                {
                    var bad = Encoding.UTF8.GetString(bytes, i, Math.Min(3, bytes.Length - i));
                    return "invalid URL escape " + GoText.Quote(bad);
                }

                var v = (byte)((Unhex(bytes[i + 1]) << 4) | Unhex(bytes[i + 2]));
                if (mode == Mode.Host && Unhex(bytes[i + 1]) < 8 && !(bytes[i + 1] == '2' && bytes[i + 2] == '5'))
                {
                    return "invalid URL escape " + GoText.Quote(Encoding.UTF8.GetString(bytes, i, 3));
                }

                if (mode == Mode.Zone && v != ' ' && ShouldEscape(v, Mode.Host) && !(bytes[i + 1] == '2' && bytes[i + 2] == '5'))
                {
                    return "invalid URL escape " + GoText.Quote(Encoding.UTF8.GetString(bytes, i, 3));
                }

                outBytes.Add(v);
                i += 3;
                continue;
            }

            if (mode is Mode.Host or Mode.Zone && c < 0x80 && ShouldEscape(c, mode))
            {
                return "invalid character " + GoText.Quote(((char)c).ToString()) + " in host name";
            }

            outBytes.Add(c == '+' && mode == Mode.QueryComponent ? (byte)' ' : c);
            i++;
        }

        result = Encoding.UTF8.GetString(outBytes.ToArray());
        return null;
    }

    private static bool IsHex(byte c) => c is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F');

    private static int Unhex(byte c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
