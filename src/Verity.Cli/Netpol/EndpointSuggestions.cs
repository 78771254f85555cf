using Verity.Network.Model;

namespace Verity.Cli.Netpol;

/// <summary>
/// Close matches for an endpoint the user mistyped: ids that contain what was typed or share its last segment
/// (the name), then ids within a small edit distance — best first, at most five.
/// </summary>
internal static class EndpointSuggestions
{
    public static IReadOnlyList<string> Closest(IReadOnlyList<Endpoint> endpoints, string text, int max = 5)
    {
        var name = text[(text.LastIndexOf('/') + 1)..];
        return endpoints
            .Where(e => e.Kind != EndpointKind.External)
            .Select(e => (e.Id, Score: Score(e.Id, text, name)))
            .Where(c => c.Score < int.MaxValue)
            .OrderBy(c => c.Score).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => c.Id).Distinct().Take(max).ToList();
    }

    /// <summary>
    /// 0 for a containing or same-name match; else the edit distance to the id (up to a third of its length) or to
    /// its name (likewise); else <see cref="int.MaxValue"/>: not close.
    /// </summary>
    private static int Score(string id, string text, string name)
    {
        var idName = id[(id.LastIndexOf('/') + 1)..];
        if (name.Length > 0 && (id.Contains(text, StringComparison.OrdinalIgnoreCase) || idName.Equals(name, StringComparison.OrdinalIgnoreCase))) return 0;
        var best = int.MaxValue;
        var whole = Distance(id, text);
        if (whole <= Math.Max(2, text.Length / 3)) best = whole;
        var named = name.Length > 0 ? Distance(idName, name) : int.MaxValue;
        if (named <= Math.Max(1, name.Length / 3)) best = Math.Min(best, named);
        return best;
    }

    /// <summary>Levenshtein distance (case-insensitive).</summary>
    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
