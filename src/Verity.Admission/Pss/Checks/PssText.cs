namespace Verity.Admission.Pss.Checks;

/// <summary>Message helpers of upstream <c>policy/helpers.go</c> (<c>joinQuote</c>, <c>pluralize</c>) and Go's sorted string sets.</summary>
internal static class PssText
{
    /// <summary><c>"a", "b"</c>; empty for no items.</summary>
    public static string JoinQuote(IEnumerable<string> items)
    {
        var list = items as IReadOnlyCollection<string> ?? items.ToList();
        return list.Count == 0 ? "" : "\"" + string.Join("\", \"", list) + "\"";
    }

    public static string Pluralize(string singular, string plural, int count) => count == 1 ? singular : plural;

    /// <summary>A Go <c>sets.String</c>'s <c>List()</c>: distinct values in byte-wise (ordinal) order.</summary>
    public static List<string> SortedSet(IEnumerable<string> items) =>
        items.Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToList();

    /// <summary><c>container "a"</c> / <c>containers "a", "b"</c>.</summary>
    public static string Containers(IReadOnlyCollection<string> names) =>
        $"{Pluralize("container", "containers", names.Count)} {JoinQuote(names)}";
}
