namespace Verity.Admission.Vap;

/// <summary>
/// The plural resource of a kind, for requests built from manifests (no API discovery offline): the built-in kinds
/// whose plural is irregular, else apimachinery's <c>UnsafeGuessKindToResource</c> (lower-case; <c>-s</c> → <c>-ses</c>,
/// consonant + <c>-y</c> → <c>-ies</c>, else <c>+s</c>), which is right for every other built-in kind and for CRDs that
/// follow the convention.
/// </summary>
public static class KindResources
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["Endpoints"] = "endpoints",
        ["PodSecurityPolicy"] = "podsecuritypolicies",
    };

    public static string ResourceOf(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (Irregular.TryGetValue(kind, out var plural)) return plural;
        var lower = kind.ToLowerInvariant();
        if (lower.Length == 0) return lower;
        if (lower.EndsWith('s')) return lower + "es";
        if (lower.EndsWith('y') && lower.Length > 1 && "aeiou".IndexOf(lower[^2]) < 0) return lower[..^1] + "ies";
        return lower + "s";
    }
}
