namespace Verity.Identity.X509;

/// <summary>
/// When to replace an SVID: at half its lifetime (SPIRE agents rotate at 1/2 too), moved by up to ±10 % of the lifetime
/// so that a fleet issued at the same moment does not renew in one burst. The jitter comes from the caller's
/// <see cref="Random"/> (seeded in tests). The result is always strictly inside the validity period.
/// </summary>
public static class SvidRenewal
{
    public const double JitterFraction = 0.1;

    public static DateTimeOffset RenewAt(DateTimeOffset notBefore, DateTimeOffset notAfter, Random random)
    {
        var life = notAfter - notBefore;
        if (life <= TimeSpan.Zero) return notBefore;
        var fraction = 0.5 + (random.NextDouble() * 2 - 1) * JitterFraction;
        return notBefore + life * fraction;
    }

    public static DateTimeOffset RenewAt(X509Svid svid, Random random) => RenewAt(svid.NotBefore, svid.NotAfter, random);

    /// <summary>True when <paramref name="now"/> has reached <paramref name="renewAt"/> or the SVID has expired.</summary>
    public static bool IsDue(DateTimeOffset renewAt, DateTimeOffset notAfter, DateTimeOffset now) => now >= renewAt || now >= notAfter;
}
