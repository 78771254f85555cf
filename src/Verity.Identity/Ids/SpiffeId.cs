using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Verity.Identity;

/// <summary>
/// A SPIFFE ID, <c>spiffe://trust-domain/path</c>, validated exactly as
/// https://github.com/spiffe/spiffe/blob/main/standards/SPIFFE-ID.md requires: lowercase scheme <c>spiffe</c>, a valid
/// <see cref="TrustDomain"/>, a path of segments of <c>[a-zA-Z0-9._-]</c> with no empty, <c>.</c> or <c>..</c> segment and
/// no trailing slash; no query, fragment, port or userinfo (their delimiters are not allowed characters); at most 2048
/// bytes. The text is kept as given (no percent-decoding, no case folding), so <see cref="ToString"/> round-trips.
/// </summary>
public readonly record struct SpiffeId
{
    private readonly string? _path;

    private SpiffeId(TrustDomain trustDomain, string path)
    {
        TrustDomain = trustDomain;
        _path = path;
    }

    public TrustDomain TrustDomain { get; }

    /// <summary>The path including its leading slash, e.g. <c>/ns/default/sa/web</c>; empty for a trust domain's own ID.</summary>
    public string Path => _path ?? "";

    public bool IsEmpty => TrustDomain.IsEmpty;

    /// <summary>True for the trust domain's own ID (<c>spiffe://td</c>, no path); such IDs name CAs, never workloads.</summary>
    public bool IsTrustDomainId => Path.Length == 0;

    public static bool TryParse(string? text, out SpiffeId id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        text ??= "";
        var reason = Check(text, out var tdLength);
        if (reason is not null)
        {
            error = SpiffeIdErrors.InvalidId(text, reason);
            return false;
        }
        var rest = text[SpiffeIdSyntax.Scheme.Length..];
        id = new SpiffeId(TrustDomain.FromValidated(rest[..tdLength]), rest[tdLength..]);
        error = null;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> (for literals known to be valid; parse user input with <see cref="TryParse"/>).</summary>
    public static SpiffeId Parse(string text) => TryParse(text, out var id, out var error) ? id : throw new FormatException(error);

    /// <summary>Builds an ID from a trust domain and a path (empty or starting with "/"); returns the reason when the path is invalid.</summary>
    public static bool TryCreate(TrustDomain trustDomain, string path, out SpiffeId id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        if (trustDomain.IsEmpty)
        {
            error = SpiffeIdErrors.InvalidTrustDomain("", SpiffeIdErrors.Empty);
            return false;
        }
        var reason = SpiffeIdSyntax.CheckPath(path);
        if (reason is null && SpiffeIdSyntax.Scheme.Length + trustDomain.Name.Length + path.Length > SpiffeIdSyntax.MaxIdBytes)
            reason = SpiffeIdErrors.TooLong;
        if (reason is not null)
        {
            error = SpiffeIdErrors.InvalidPath(path, reason);
            return false;
        }
        id = new SpiffeId(trustDomain, path);
        error = null;
        return true;
    }

    internal static SpiffeId Create(TrustDomain trustDomain, string path) =>
        TryCreate(trustDomain, path, out var id, out var error) ? id : throw new ArgumentException(error, nameof(path));

    /// <summary>
    /// The Kubernetes convention used by SPIRE, Istio and Linkerd: <c>spiffe://td/ns/NAMESPACE/sa/SERVICEACCOUNT</c>. Kubernetes
    /// namespace and service-account names are DNS-1123 names, which are always valid path segments.
    /// </summary>
    public static bool TryForServiceAccount(TrustDomain trustDomain, string ns, string serviceAccount, out SpiffeId id, [NotNullWhen(false)] out string? error)
    {
        if (ns.Length == 0 || serviceAccount.Length == 0 || ns.Contains('/') || serviceAccount.Contains('/'))
        {
            id = default;
            error = SpiffeIdErrors.InvalidPath($"/ns/{ns}/sa/{serviceAccount}", SpiffeIdErrors.NotKubernetesName);
            return false;
        }
        return TryCreate(trustDomain, $"/ns/{ns}/sa/{serviceAccount}", out id, out error);
    }

    /// <summary>True when this ID belongs to <paramref name="trustDomain"/>.</summary>
    public bool MemberOf(TrustDomain trustDomain) => TrustDomain == trustDomain;

    public override string ToString() => IsEmpty ? "" : SpiffeIdSyntax.Scheme + TrustDomain.Name + Path;

    /// <summary>The first broken rule of SPIFFE-ID.md for <paramref name="text"/>, or null; sets the trust domain's length.</summary>
    private static string? Check(string text, out int tdLength)
    {
        tdLength = 0;
        if (text.Length == 0) return SpiffeIdErrors.Empty;
        if (!text.StartsWith(SpiffeIdSyntax.Scheme, StringComparison.Ordinal)) return SpiffeIdErrors.WrongScheme;
        var rest = text.AsSpan(SpiffeIdSyntax.Scheme.Length);
        while (tdLength < rest.Length && rest[tdLength] != '/')
        {
            if (!SpiffeIdSyntax.IsTrustDomainChar(rest[tdLength])) return SpiffeIdErrors.BadTrustDomainChar;
            tdLength++;
        }
        if (tdLength == 0) return SpiffeIdErrors.MissingTrustDomain;
        if (tdLength > SpiffeIdSyntax.MaxTrustDomainLength) return SpiffeIdErrors.TrustDomainTooLong;
        var reason = SpiffeIdSyntax.CheckPath(rest[tdLength..].ToString());
        if (reason is not null) return reason;
        return Encoding.UTF8.GetByteCount(text) > SpiffeIdSyntax.MaxIdBytes ? SpiffeIdErrors.TooLong : null;
    }
}
