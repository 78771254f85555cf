using System.Diagnostics.CodeAnalysis;

namespace Verity.Identity.Bundles;

/// <summary>
/// Bundles by trust domain: the local trust domain's and federated ones (SPIFFE_Trust_Domain_and_Bundle.md section 5).
/// An SVID is verified only against the bundle of its own trust domain. Immutable: <see cref="With"/> returns a new set.
/// </summary>
public sealed class BundleSet
{
    private readonly IReadOnlyDictionary<TrustDomain, TrustBundle> _bundles;

    private BundleSet(IReadOnlyDictionary<TrustDomain, TrustBundle> bundles) => _bundles = bundles;

    public static BundleSet Empty { get; } = new(new Dictionary<TrustDomain, TrustBundle>());

    public static BundleSet Of(params IEnumerable<TrustBundle> bundles) => bundles.Aggregate(Empty, (set, b) => set.With(b));

    public IReadOnlyCollection<TrustBundle> Bundles => _bundles.Values.OrderBy(b => b.TrustDomain.Name, StringComparer.Ordinal).ToList();

    /// <summary>A set with <paramref name="bundle"/> added, replacing any bundle of the same trust domain.</summary>
    public BundleSet With(TrustBundle bundle) => new(new Dictionary<TrustDomain, TrustBundle>(_bundles) { [bundle.TrustDomain] = bundle });

    public BundleSet Without(TrustDomain trustDomain)
    {
        var copy = new Dictionary<TrustDomain, TrustBundle>(_bundles);
        copy.Remove(trustDomain);
        return new BundleSet(copy);
    }

    public bool TryGet(TrustDomain trustDomain, [NotNullWhen(true)] out TrustBundle? bundle) => _bundles.TryGetValue(trustDomain, out bundle);
}
