using System.Diagnostics.CodeAnalysis;

namespace Verity.Identity;

/// <summary>
/// A SPIFFE trust domain name such as <c>example.org</c>
/// (https://github.com/spiffe/spiffe/blob/main/standards/SPIFFE-ID.md#21-trust-domain): non-empty, at most 255
/// characters of lowercase letters, digits, dots, dashes and underscores — so no port, userinfo or uppercase. Parsing
/// never normalises: <c>Example.org</c> is rejected rather than lowered. <c>default(TrustDomain)</c> is the empty,
/// invalid value (<see cref="IsEmpty"/>).
/// </summary>
public readonly record struct TrustDomain
{
    private readonly string? _name;

    private TrustDomain(string name) => _name = name;

    /// <summary>The name, e.g. <c>example.org</c>.</summary>
    public string Name => _name ?? "";

    public bool IsEmpty => _name is null;

    /// <summary>The trust domain's own SPIFFE ID, <c>spiffe://example.org</c> (used as the URI SAN of CA certificates).</summary>
    public SpiffeId Id => SpiffeId.Create(this, "");

    /// <summary>Parses a bare name (<c>example.org</c>) or a SPIFFE ID (<c>spiffe://example.org/x</c>: its trust domain).</summary>
    public static bool TryParse(string? text, out TrustDomain trustDomain, [NotNullWhen(false)] out string? error)
    {
        trustDomain = default;
        text ??= "";
        if (text.Contains(":/", StringComparison.Ordinal))
        {
            if (!SpiffeId.TryParse(text, out var id, out var idError))
            {
                error = idError;
                return false;
            }
            trustDomain = id.TrustDomain;
            error = null;
            return true;
        }
        var reason = text.Length == 0 ? SpiffeIdErrors.Empty : SpiffeIdSyntax.CheckTrustDomainName(text);
        if (reason is not null)
        {
            error = SpiffeIdErrors.InvalidTrustDomain(text, reason);
            return false;
        }
        trustDomain = new TrustDomain(text);
        error = null;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> (for literals known to be valid; parse user input with <see cref="TryParse"/>).</summary>
    public static TrustDomain Parse(string text) => TryParse(text, out var td, out var error) ? td : throw new FormatException(error);

    /// <summary>Only for names already checked by <see cref="SpiffeIdSyntax.CheckTrustDomainName"/>.</summary>
    internal static TrustDomain FromValidated(string name) => new(name);

    public override string ToString() => Name;
}
