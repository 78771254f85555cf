namespace Verity.Cel.Kubernetes;

/// <summary>
/// Cost classification of the Kubernetes library functions, in the units of the core's
/// <c>Runtime/CostModel</c>. Every call already costs 1 (interpreter). Functions listed in
/// <see cref="SizeDependent"/> scan their string/list arguments and should additionally cost
/// ceil(0.1 × size) per argument, like the core's size-dependent functions; authorization checks are
/// expensive upstream (a fixed 350,000 in k8s.io/apiserver/pkg/cel/library/cost.go) and should add
/// <see cref="AuthzCheckCost"/>. <see cref="KubernetesLibrary.Register"/> declares both to the registry
/// (MarkSizeDependent, SetFixedCost), so the runtime counter and the static estimate charge them.
/// </summary>
internal static class KubernetesCost
{
    /// <summary>Upstream's estimated and actual cost of one authorizer check.</summary>
    public const long AuthzCheckCost = 350_000;

    /// <summary>Function names whose work is linear in the size of their string or list arguments.</summary>
    public static readonly IReadOnlySet<string> SizeDependent = new HashSet<string>(StringComparer.Ordinal)
    {
        "find", "findAll", "isSorted", "sum", "min", "max", "indexOf", "lastIndexOf",
        "url", "isURL", "getQuery", "getEscapedPath", "quantity", "isQuantity", "semver", "isSemver",
        "ip", "isIP", "ip.isCanonical", "cidr", "isCIDR", "containsIP", "containsCIDR", "validate", "jsonpatch.escapeKey",
    };
}
