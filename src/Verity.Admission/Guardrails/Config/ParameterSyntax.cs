using System.Text.RegularExpressions;
using Verity.Core.Selectors;

namespace Verity.Admission.Guardrails.Config;

/// <summary>The syntax of config values, with the error texts in one place: null means valid.</summary>
internal static partial class ParameterSyntax
{
    /// <summary>A registry host with optional port, optionally followed by repository path components; no scheme, tag or digest.</summary>
    public static string? RegistryError(string text) =>
        RegistryPattern().IsMatch(text) ? null
        : $"registry \"{text}\" must be a registry host or repository prefix such as ghcr.io or ghcr.io/example-shop (no scheme, tag or digest)";

    /// <summary>A label key as apimachinery validates it (checked through the selector parser, which owns those rules).</summary>
    public static string? LabelKeyError(string text)
    {
        if (text.Length == 0 || text.Any(c => c is ' ' or ',' or '=' or '!' or '(' or ')')) return $"label key \"{text}\" is not a valid label key";
        var parsed = LabelSelector.Parse(text);
        return parsed.Succeeded ? null : $"label key \"{text}\" is not a valid label key: {string.Join("; ", parsed.Errors)}";
    }

    /// <summary>A namespace name: an RFC 1123 DNS label (lower-case alphanumerics and '-', at most 63).</summary>
    public static string? NamespaceError(string text) =>
        text.Length <= 63 && DnsLabelPattern().IsMatch(text) ? null
        : $"namespace \"{text}\" is not a valid namespace name (lower-case letters, digits and '-', at most 63 characters)";

    [GeneratedRegex(@"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*/?$", RegexOptions.CultureInvariant)]
    private static partial Regex RegistryPattern();

    [GeneratedRegex(@"^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabelPattern();
}
