using k8s.Models;
using Verity.Core.Snapshots;

namespace Verity.Posture.Checks;

/// <summary>
/// Look-ups workload checks need, built on first use for one evaluation of one snapshot, so a check stays
/// linear in the number of workloads (a cluster has thousands). Not shared between evaluations: no global state.
/// </summary>
internal sealed class WorkloadIndex(Snapshot snapshot)
{
    private Dictionary<(string, string), TypedObject<V1ServiceAccount>>? _accounts;
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _limitDefaults = new(StringComparer.Ordinal);

    public Snapshot Snapshot => snapshot;

    /// <summary>The ServiceAccount <paramref name="name"/> of namespace <paramref name="ns"/>, if the snapshot has it.</summary>
    public TypedObject<V1ServiceAccount>? ServiceAccount(string ns, string name)
    {
        _accounts ??= snapshot.ServiceAccounts
            .GroupBy(sa => (sa.Object.Namespace ?? "", sa.Object.Name))
            .ToDictionary(g => g.Key, g => g.Last());
        return _accounts.GetValueOrDefault((ns, name));
    }

    /// <summary>See <see cref="LimitRangeDefaults.In"/>; computed once per namespace.</summary>
    public IReadOnlyDictionary<string, string> ContainerLimitDefaults(string ns)
    {
        if (!_limitDefaults.TryGetValue(ns, out var defaults)) _limitDefaults[ns] = defaults = LimitRangeDefaults.In(snapshot, ns);
        return defaults;
    }
}
