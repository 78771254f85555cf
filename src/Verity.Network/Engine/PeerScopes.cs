using Verity.Core.Selectors;
using Verity.Network.Model;
using Verity.Network.Policies;

namespace Verity.Network.Engine;

/// <summary>
/// Which peers can possibly match an endpoint, by its namespace, so a class tests tens of peers instead of every
/// peer of the cluster. A pod peer without a namespace selector matches only pods of its policy's namespace; a
/// namespace selector that requires <c>kubernetes.io/metadata.name</c> to equal (or be in) some values matches only
/// namespaces whose label has one of them (the label the API server sets to the namespace's name —
/// https://kubernetes.io/docs/reference/labels-annotations-taints/#kubernetes-io-metadata-name; the endpoint's
/// actual label value is what is looked up, so this is exact even for a namespace labelled otherwise). Every other
/// peer (address ranges, broader selectors) is a candidate for every endpoint. Candidates are only a filter:
/// each one is still tested with <see cref="Peer.Matches"/>.
/// </summary>
internal sealed class PeerScopes
{
    private const string NameLabel = "kubernetes.io/metadata.name";
    private readonly List<int> _everywhere = [];
    private readonly Dictionary<string, List<int>> _byNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byNameLabel = new(StringComparer.Ordinal);

    public void Add(Peer peer, int index)
    {
        switch (peer)
        {
            case PodPeer { NamespaceSelector: null, PolicyNamespace: { } ns }:
                Bucket(_byNamespace, ns).Add(index);
                break;
            case PodPeer { NamespaceSelector: { } selector } when NameValues(selector) is { } names:
                foreach (var name in names) Bucket(_byNameLabel, name).Add(index);
                break;
            default:
                _everywhere.Add(index);
                break;
        }
    }

    /// <summary>The indexes of the peers that may match <paramref name="endpoint"/>, each at most once.</summary>
    public IEnumerable<int> Candidates(Endpoint endpoint)
    {
        IEnumerable<int> candidates = _everywhere;
        if (endpoint.Namespace is { } ns && _byNamespace.TryGetValue(ns, out var local)) candidates = candidates.Concat(local);
        if (endpoint.NamespaceLabels.TryGetValue(NameLabel, out var name) && _byNameLabel.TryGetValue(name, out var named)) candidates = candidates.Concat(named);
        return candidates;
    }

    private static IReadOnlyList<string>? NameValues(LabelSelector selector)
    {
        if (selector.IsNothing) return null;
        foreach (var requirement in selector.Requirements)
        {
            if (requirement.Key == NameLabel && requirement.Operator is SelectorOperator.In or SelectorOperator.Equals or SelectorOperator.DoubleEquals)
                return requirement.Values;
        }
        return null;
    }

    private static List<int> Bucket(Dictionary<string, List<int>> buckets, string key)
    {
        if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = [];
        return list;
    }
}
