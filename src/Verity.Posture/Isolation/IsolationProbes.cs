using System.Net;
using Verity.Core.Snapshots;
using Verity.Network.Model;

namespace Verity.Posture.Isolation;

/// <summary>
/// The synthetic endpoints isolation is measured with: peers that no policy can have been written for.
/// <list type="bullet">
/// <item><see cref="OutsideAddress"/>: 203.0.113.1, from TEST-NET-3 (RFC 5737, documentation only), so no
/// real ipBlock was written for it — only ranges that cover the whole Internet (0.0.0.0/0, 192.0.0.0/2…).</item>
/// <item><see cref="UnrelatedPod"/>: a pod with no labels and no IP in a namespace whose name
/// (<c>(unrelated)</c>) is not a valid namespace name, so only selectors that match <em>any</em> namespace
/// (<c>{}</c>, <c>NotIn</c>, <c>DoesNotExist</c>, <c>Exists</c> on <c>kubernetes.io/metadata.name</c>) match
/// it. It has no IP because the pod network's range is not in the input: an ipBlock is judged by the outside
/// address alone.</item>
/// <item><see cref="NewPod"/>: a pod with no labels and no ports added to a namespace — what a namespace's
/// default does to the next workload deployed there.</item>
/// </list>
/// </summary>
internal static class IsolationProbes
{
    public const string UnrelatedNamespace = "(unrelated)";

    public static readonly Endpoint OutsideAddress = Endpoint.External(IPAddress.Parse("203.0.113.1"));

    public static readonly Endpoint UnrelatedPod = new()
    {
        Id = $"{UnrelatedNamespace}/(pod)",
        Kind = EndpointKind.Pod,
        Namespace = UnrelatedNamespace,
        NamespaceLabels = new Dictionary<string, string> { [NamespaceInfo.NameLabel] = UnrelatedNamespace },
    };

    /// <summary>The probes in the order findings describe them: in-cluster first (lateral movement), then outside.</summary>
    public static IReadOnlyList<(Endpoint Probe, string Description)> Peers { get; } =
    [
        (UnrelatedPod, "a pod in a namespace no policy names"),
        (OutsideAddress, $"an address outside the cluster ({OutsideAddress.Id})"),
    ];

    /// <summary>A pod with no labels and no ports in namespace <paramref name="ns"/> (labels of the namespace as the snapshot has them).</summary>
    public static Endpoint NewPod(string ns, IReadOnlyDictionary<string, string> namespaceLabels) => new()
    {
        Id = $"{ns}/(new pod)",
        Kind = EndpointKind.Pod,
        Namespace = ns,
        NamespaceLabels = namespaceLabels,
    };
}
