using System.Globalization;

namespace Verity.Server.WorkloadApi.Entries;

/// <summary>
/// One workload selector, <c>type:key:value</c> as SPIRE writes it (e.g. <c>unix:uid:1000</c>, <c>k8s:ns:payments</c>):
/// <see cref="Type"/> is the attestor (<c>unix</c>, <c>k8s</c>), <see cref="Value"/> the rest (<c>uid:1000</c>).
/// Selectors compare by exact text. <see cref="Known"/> lists the keys Verity's attestor can produce.
/// </summary>
public readonly record struct Selector(string Type, string Value)
{
    /// <summary>Every <c>type:key</c> the attestor knows, with what its value must be.</summary>
    public static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["unix:uid"] = "a user id (number)",
        ["unix:gid"] = "a group id (number)",
        ["unix:pid"] = "a process id (number)",
        ["k8s:ns"] = "a namespace name",
        ["k8s:sa"] = "a service account name",
        ["k8s:pod-uid"] = "a pod UID",
    };

    /// <summary><c>type:key</c>, e.g. <c>unix:uid</c>.</summary>
    public string Kind => Type + ":" + Value.Split(':', 2)[0];

    public override string ToString() => Type + ":" + Value;

    public static Selector Unix(string key, long value) => new("unix", key + ":" + value.ToString(CultureInfo.InvariantCulture));

    public static Selector K8s(string key, string value) => new("k8s", key + ":" + value);

    /// <summary>Parses <c>type:key:value</c>; the error says what is wrong (unknown kind, empty or non-numeric value).</summary>
    public static bool TryParse(string? text, out Selector selector, out string? error)
    {
        selector = default;
        var parts = (text ?? "").Split(':', 3);
        if (parts.Length != 3 || parts.Any(p => p.Length == 0))
        {
            error = EntryErrors.SelectorForm(text ?? "");
            return false;
        }
        var kind = parts[0] + ":" + parts[1];
        if (!Known.TryGetValue(kind, out var expected))
        {
            error = EntryErrors.UnknownSelector(kind);
            return false;
        }
        if (parts[0] == "unix" && !uint.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            error = EntryErrors.SelectorValue(text!, expected);
            return false;
        }
        selector = new Selector(parts[0], parts[1] + ":" + parts[2]);
        error = null;
        return true;
    }
}
