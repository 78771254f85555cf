namespace Verity.Network.Generation;

/// <summary>
/// Picks the labels a generated selector may use: never labels controllers stamp on pods (pod-template-hash,
/// controller-revision-hash, job-name, controller-uid, batch.kubernetes.io/*, statefulset.kubernetes.io/pod-name,
/// apps.kubernetes.io/pod-index), which change on every rollout or differ per pod. Of the rest, the well-known
/// identity labels (app.kubernetes.io/name, app.kubernetes.io/instance, app, k8s-app) are preferred.
/// </summary>
public static class StableLabels
{
    private static readonly string[] Preferred = ["app.kubernetes.io/name", "app.kubernetes.io/instance", "app", "k8s-app"];

    private static readonly HashSet<string> Generated = new(StringComparer.Ordinal)
    {
        "pod-template-hash", "controller-revision-hash", "job-name", "controller-uid", "pod-template-generation",
        "statefulset.kubernetes.io/pod-name", "apps.kubernetes.io/pod-index",
    };

    public static bool IsGenerated(string key) =>
        Generated.Contains(key) || key.StartsWith("batch.kubernetes.io/", StringComparison.Ordinal);

    /// <summary>All labels of <paramref name="labels"/> that are not generated, in key order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Stable(IReadOnlyDictionary<string, string> labels) =>
        labels.Where(l => !IsGenerated(l.Key)).OrderBy(l => l.Key, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The preferred identity labels present, or — when there are none, or they would also select one of
    /// <paramref name="others"/> (the other workloads' labels in the namespace) — every stable label.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Select(IReadOnlyDictionary<string, string> labels, IEnumerable<IReadOnlyDictionary<string, string>> others)
    {
        var stable = Stable(labels);
        var preferred = stable.Where(l => Preferred.Contains(l.Key)).ToList();
        if (preferred.Count == 0) return stable;
        var ambiguous = others.Any(o => preferred.All(l => o.TryGetValue(l.Key, out var v) && v == l.Value));
        return ambiguous ? stable : preferred;
    }
}
