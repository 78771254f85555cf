namespace Verity.Identity;

/// <summary>
/// Every error text of <see cref="SpiffeId"/> and <see cref="TrustDomain"/> parsing, in one place. The reasons mirror
/// go-spiffe's <c>spiffeid/errors.go</c> word for word so users see the same explanation in every SPIFFE tool; the limits
/// come from https://github.com/spiffe/spiffe/blob/main/standards/SPIFFE-ID.md (sections 2.1–2.3).
/// </summary>
public static class SpiffeIdErrors
{
    public const string Empty = "cannot be empty";
    public const string WrongScheme = "scheme is missing or invalid";
    public const string MissingTrustDomain = "trust domain is missing";
    public const string BadTrustDomainChar = "trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores";
    public const string BadPathSegmentChar = "path segment characters are limited to letters, numbers, dots, dashes, and underscores";
    public const string DotSegment = "path cannot contain dot segments";
    public const string NoLeadingSlash = "path must have a leading slash";
    public const string EmptySegment = "path cannot contain empty segments";
    public const string TrailingSlash = "path cannot have a trailing slash";

    /// <summary>SPIFFE-ID.md 2.3: "URIs with lengths greater than 2048 bytes ... SHOULD NOT be considered valid SPIFFE IDs".</summary>
    public const string TooLong = "SPIFFE ID cannot be longer than 2048 bytes";

    /// <summary>SPIFFE-ID.md 2.1: "The trust domain name ... MUST be no longer than 255 characters".</summary>
    public const string TrustDomainTooLong = "trust domain cannot be longer than 255 characters";

    public const string NotKubernetesName = "Kubernetes names must be non-empty and valid path segments";

    /// <summary><c>invalid SPIFFE ID "x": reason</c>.</summary>
    public static string InvalidId(string id, string reason) => $"invalid SPIFFE ID \"{id}\": {reason}";

    /// <summary><c>invalid trust domain "x": reason</c>.</summary>
    public static string InvalidTrustDomain(string td, string reason) => $"invalid trust domain \"{td}\": {reason}";

    /// <summary><c>invalid path "x": reason</c>.</summary>
    public static string InvalidPath(string path, string reason) => $"invalid path \"{path}\": {reason}";
}
