using Verity.Core.Snapshots;

namespace Verity.Network.Generation;

/// <summary>
/// The stable-label selector of each workload (see <see cref="StableLabels"/>: the fewest stable labels that tell it
/// apart from the other workloads of its namespace), computed once per workload, with the workloads grouped by
/// namespace. A generation run asks for the same selector once per policy and once per peer that names it.
/// </summary>
internal sealed class SelectorCache
{
    private readonly ILookup<string, Workload> _byNamespace;
    private readonly Dictionary<Workload, IReadOnlyList<KeyValuePair<string, string>>> _selectors = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Workload, IReadOnlyDictionary<string, string>> _labels = new(ReferenceEqualityComparer.Instance);

    public SelectorCache(IEnumerable<Workload> workloads) => _byNamespace = workloads.ToLookup(w => w.Namespace, StringComparer.Ordinal);

    public List<Workload> InNamespace(string ns) => _byNamespace[ns].ToList();

    public IReadOnlyList<KeyValuePair<string, string>> Of(Workload workload)
    {
        if (_selectors.TryGetValue(workload, out var known)) return known;
        var others = _byNamespace[workload.Namespace].Where(w => !ReferenceEquals(w, workload)).Select(LabelsOf);
        return _selectors[workload] = StableLabels.Select(LabelsOf(workload), others);
    }

    private IReadOnlyDictionary<string, string> LabelsOf(Workload w)
    {
        if (_labels.TryGetValue(w, out var known)) return known;
        return _labels[w] = w.Template.Metadata?.Labels is { } labels
            ? new Dictionary<string, string>(labels, StringComparer.Ordinal)
            : new Dictionary<string, string>();
    }
}
