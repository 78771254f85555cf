using System.Globalization;
using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>
/// A CEL <c>kubernetes.Semver</c>: a semantic version parsed as github.com/blang/semver/v4 Parse does
/// (same checks and error texts), compared with its Compare (build metadata ignored; equality is
/// Compare == 0, as blang's Equals).
/// </summary>
internal sealed class CelSemver : ICelOpaqueValue, IEquatable<CelSemver>, IComparable<CelSemver>
{
    private const string Numbers = "0123456789";
    private const string AlphaNum = "-ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private CelSemver(ulong major, ulong minor, ulong patch, IReadOnlyList<(bool IsNum, ulong Num, string Str)> pre, IReadOnlyList<string> build)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Pre = pre;
        Build = build;
    }

    public ulong Major { get; }

    public ulong Minor { get; }

    public ulong Patch { get; }

    public IReadOnlyList<(bool IsNum, ulong Num, string Str)> Pre { get; }

    public IReadOnlyList<string> Build { get; }

    public string TypeName => KubernetesTypes.Semver;

    /// <summary>semver.Parse; returns the version or an error text.</summary>
    public static string? Parse(string s, out CelSemver? v)
    {
        v = null;
        if (s.Length == 0)
        {
            return "Version string empty";
        }

        var parts = s.Split('.', 3);
        if (parts.Length != 3)
        {
            return "No Major.Minor.Patch elements found";
        }

        var err = Number(parts[0], "major", out var major) ?? Number(parts[1], "minor", out _);
        if (err is not null)
        {
            return err;
        }

        Number(parts[1], "minor", out var minor);
        var patchStr = parts[2];
        var build = new List<string>();
        var pre = new List<(bool, ulong, string)>();
        var plus = patchStr.IndexOf('+', StringComparison.Ordinal);
        string[] buildParts = [];
        string[] preParts = [];
        if (plus >= 0)
        {
            buildParts = patchStr[(plus + 1)..].Split('.');
            patchStr = patchStr[..plus];
        }

        var dash = patchStr.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            preParts = patchStr[(dash + 1)..].Split('.');
            patchStr = patchStr[..dash];
        }

        err = Number(patchStr, "patch", out var patch);
        if (err is not null)
        {
            return err;
        }

        foreach (var p in preParts)
        {
            if (p.Length == 0)
            {
                return "Prerelease is empty";
            }

            if (ContainsOnly(p, Numbers))
            {
                if (p.Length > 1 && p[0] == '0')
                {
                    return $"Numeric PreRelease version must not contain leading zeroes {GoText.Quote(p)}";
                }

                if (!ulong.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    return $"strconv.ParseUint: parsing {GoText.Quote(p)}: value out of range";
                }

                pre.Add((true, n, ""));
            }
            else if (ContainsOnly(p, AlphaNum))
            {
                pre.Add((false, 0, p));
            }
            else
            {
                return $"Invalid character(s) found in prerelease {GoText.Quote(p)}";
            }
        }

        foreach (var b in buildParts)
        {
            if (b.Length == 0)
            {
                return "Build meta data is empty";
            }

            if (!ContainsOnly(b, AlphaNum))
            {
                return $"Invalid character(s) found in build meta data {GoText.Quote(b)}";
            }

            build.Add(b);
        }

        v = new CelSemver(major, minor, patch, pre, build);
        return null;
    }

    /// <summary>semverlib.go normalizeAndParse: drop a leading "v", strip leading zeros, fill missing minor/patch with 0.</summary>
    public static string? ParseNormalized(string s, out CelSemver? v)
    {
        v = null;
        if (s.StartsWith('v'))
        {
            s = s[1..];
        }

        var parts = s.Split('.', 3).ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            var p = parts[i];
            if (p.Length > 1)
            {
                p = p.TrimStart('0');
                if (p.Length == 0 || !char.IsAsciiDigit(p[0]))
                {
                    p = "0" + p;
                }

                parts[i] = p;
            }
        }

        if (parts.Count < 3)
        {
            if (parts[^1].IndexOfAny(['+', '-']) >= 0)
            {
                return "short version cannot contain PreRelease/Build meta data";
            }

            while (parts.Count < 3)
            {
                parts.Add("0");
            }
        }

        return Parse(string.Join('.', parts), out v);
    }

    private static bool ContainsOnly(string s, string allowed) => s.All(c => allowed.Contains(c, StringComparison.Ordinal));

    private static string? Number(string s, string what, out ulong value)
    {
        value = 0;
        if (!ContainsOnly(s, Numbers))
        {
            return $"Invalid character(s) found in {what} number {GoText.Quote(s)}";
        }

        if (s.Length > 1 && s[0] == '0')
        {
            return $"{char.ToUpperInvariant(what[0])}{what[1..]} number must not contain leading zeroes {GoText.Quote(s)}";
        }

        if (s.Length == 0)
        {
            return $"strconv.ParseUint: parsing {GoText.Quote(s)}: invalid syntax";
        }

        return ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value)
            ? null
            : $"strconv.ParseUint: parsing {GoText.Quote(s)}: value out of range";
    }

    public int CompareTo(CelSemver? o)
    {
        if (o is null)
        {
            return 1;
        }

        foreach (var (x, y) in new[] { (Major, o.Major), (Minor, o.Minor), (Patch, o.Patch) })
        {
            if (x != y)
            {
                return x > y ? 1 : -1;
            }
        }

        if (Pre.Count == 0 || o.Pre.Count == 0)
        {
            return Pre.Count == o.Pre.Count ? 0 : Pre.Count == 0 ? 1 : -1;
        }

        var i = 0;
        for (; i < Pre.Count && i < o.Pre.Count; i++)
        {
            var c = ComparePre(Pre[i], o.Pre[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return i == Pre.Count && i == o.Pre.Count ? 0 : i == Pre.Count ? -1 : 1;
    }

    private static int ComparePre((bool IsNum, ulong Num, string Str) a, (bool IsNum, ulong Num, string Str) b)
    {
        if (a.IsNum && b.IsNum)
        {
            return a.Num.CompareTo(b.Num) switch { > 0 => 1, < 0 => -1, _ => 0 };
        }

        if (!a.IsNum && !b.IsNum)
        {
            return Math.Sign(string.CompareOrdinal(a.Str, b.Str));
        }

        return a.IsNum ? -1 : 1;
    }

    public bool Equals(CelSemver? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is CelSemver s && Equals(s);

    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, Pre.Count);

    public override string ToString()
    {
        var s = FormattableString.Invariant($"{Major}.{Minor}.{Patch}");
        if (Pre.Count > 0)
        {
            s += "-" + string.Join('.', Pre.Select(p => p.IsNum ? p.Num.ToString(CultureInfo.InvariantCulture) : p.Str));
        }

        return Build.Count > 0 ? s + "+" + string.Join('.', Build) : s;
    }
}
