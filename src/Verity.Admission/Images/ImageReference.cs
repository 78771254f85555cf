using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Verity.Admission.Images;

/// <summary>
/// A container image reference, parsed with the grammar of the reference implementation used by container
/// runtimes (github.com/distribution/reference, <c>reference.go</c> and <c>normalize.go</c>):
/// <code>
/// reference := name [ ":" tag ] [ "@" digest ]
/// name      := [ domain "/" ] path-component [ "/" path-component ]*
/// domain    := host [ ":" port ]
/// </code>
/// The first component is a registry only when it contains '.' or ':', is <c>localhost</c>, or has an
/// upper-case letter — so <c>host:5000/app</c> is the repository <c>app</c> on <c>host:5000</c> with no tag,
/// while <c>app:5000</c> is the repository <c>app</c> with tag <c>5000</c>. When a digest is present it is
/// what the runtime pulls, whatever the tag says.
/// One parser for every image rule: the admission guardrails and the scan's image checks (Verity.Posture) both use it.
/// </summary>
public sealed partial record ImageReference(string Original, string? Registry, string Repository, string? Tag, string? Digest)
{
    private const int MaxNameLength = 255;

    /// <summary>The registry the runtime pulls from: <see cref="Registry"/> or Docker Hub's <c>docker.io</c>.</summary>
    public string EffectiveRegistry => Registry ?? "docker.io";

    /// <summary>True when the bytes are fixed by a digest (<c>@sha256:…</c>).</summary>
    public bool IsDigestPinned => Digest is not null;

    /// <summary>The tag the runtime resolves when there is no digest: the written tag, or <c>latest</c>.</summary>
    public string EffectiveTag => Tag ?? "latest";

    public static bool TryParse(string text, [NotNullWhen(true)] out ImageReference? reference, [NotNullWhen(false)] out string? error)
    {
        reference = null;
        error = Validate(text, out var registry, out var repository, out var tag, out var digest);
        if (error is not null) return false;
        reference = new ImageReference(text, registry, repository!, tag, digest);
        return true;
    }

    private static string? Validate(string text, out string? registry, out string? repository, out string? tag, out string? digest)
    {
        registry = repository = tag = digest = null;
        if (string.IsNullOrEmpty(text)) return "the reference is empty";
        if (text.Trim() != text || text.Any(char.IsWhiteSpace)) return "the reference contains whitespace";

        var rest = text;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (DigestError(digest) is { } bad) return bad;
        }

        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagPattern().IsMatch(tag)) return $"invalid tag \"{tag}\" (letters, digits, '_', '.', '-'; at most 128; not starting with '.' or '-')";
        }

        if (rest.Length == 0) return "the repository name is empty";
        if (rest.Length > MaxNameLength) return $"the repository name is longer than {MaxNameLength} characters";

        var slash = rest.IndexOf('/');
        if (slash >= 0 && IsDomain(rest[..slash]))
        {
            registry = rest[..slash];
            rest = rest[(slash + 1)..];
            if (!DomainPattern().IsMatch(registry)) return $"invalid registry host \"{registry}\"";
        }
        if (rest.Any(char.IsAsciiLetterUpper)) return $"repository name \"{rest}\" must be lowercase";
        foreach (var component in rest.Split('/'))
        {
            if (!PathComponentPattern().IsMatch(component))
                return $"invalid repository path component \"{component}\" (lowercase letters and digits, separated by '.', '_', '__' or '-')";
        }
        repository = rest;
        return null;
    }

    /// <summary>distribution/reference <c>splitDockerDomain</c>: what makes a first component a registry.</summary>
    private static bool IsDomain(string first) =>
        first.Contains('.') || first.Contains(':') || first == "localhost" || first.Any(char.IsAsciiLetterUpper);

    private static string? DigestError(string digest)
    {
        var colon = digest.IndexOf(':');
        if (colon <= 0) return $"invalid digest \"{digest}\" (expected algorithm:hex, e.g. sha256:…)";
        var algorithm = digest[..colon];
        var hex = digest[(colon + 1)..];
        if (!AlgorithmPattern().IsMatch(algorithm)) return $"invalid digest algorithm \"{algorithm}\"";
        var expected = algorithm switch { "sha256" => 64, "sha384" => 96, "sha512" => 128, _ => 0 };
        if (expected > 0 ? hex.Length != expected || !LowerHexPattern().IsMatch(hex) : !HexPattern().IsMatch(hex))
            return expected > 0 ? $"invalid {algorithm} digest: expected {expected} lowercase hex characters" : $"invalid digest \"{digest}\"";
        return null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PathComponentPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex AlgorithmPattern();

    [GeneratedRegex(@"^[a-f0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex LowerHexPattern();

    [GeneratedRegex(@"^[a-fA-F0-9]{32,}$", RegexOptions.CultureInvariant)]
    private static partial Regex HexPattern();
}
