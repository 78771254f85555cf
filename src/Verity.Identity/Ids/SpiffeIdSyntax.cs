namespace Verity.Identity;

/// <summary>
/// The character and segment rules of https://github.com/spiffe/spiffe/blob/main/standards/SPIFFE-ID.md, shared by
/// <see cref="TrustDomain"/> and <see cref="SpiffeId"/>. Returns the reason (from <see cref="SpiffeIdErrors"/>) or null.
/// </summary>
internal static class SpiffeIdSyntax
{
    public const string Scheme = "spiffe://";
    public const int MaxIdBytes = 2048;
    public const int MaxTrustDomainLength = 255;

    /// <summary>2.1: trust domain names contain only lowercase letters, digits, dots, dashes and underscores.</summary>
    public static bool IsTrustDomainChar(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '-' or '_';

    /// <summary>2.2: path segments contain only letters, digits, dots, dashes and underscores.</summary>
    public static bool IsPathChar(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.' or '-' or '_';

    public static string? CheckTrustDomainName(string name)
    {
        if (name.Length == 0) return SpiffeIdErrors.MissingTrustDomain;
        foreach (var c in name)
            if (!IsTrustDomainChar(c)) return SpiffeIdErrors.BadTrustDomainChar;
        return name.Length > MaxTrustDomainLength ? SpiffeIdErrors.TrustDomainTooLong : null;
    }

    /// <summary>
    /// 2.2: the path is empty (the trust domain's own ID) or "/seg(/seg)*": no empty, "." or ".." segments, no trailing slash.
    /// Checked left to right so the first broken rule is the one reported, as go-spiffe does.
    /// </summary>
    public static string? CheckPath(string path)
    {
        if (path.Length == 0) return null;
        if (path[0] != '/') return SpiffeIdErrors.NoLeadingSlash;
        var start = 0;
        for (var i = 1; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] != '/')
            {
                if (!IsPathChar(path[i])) return SpiffeIdErrors.BadPathSegmentChar;
                continue;
            }
            var segment = path.AsSpan(start + 1, i - start - 1);
            if (segment.Length == 0) return i == path.Length ? SpiffeIdErrors.TrailingSlash : SpiffeIdErrors.EmptySegment;
            if (segment is "." or "..") return SpiffeIdErrors.DotSegment;
            start = i;
        }
        return null;
    }
}
