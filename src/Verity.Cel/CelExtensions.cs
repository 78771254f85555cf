namespace Verity.Cel;

/// <summary>
/// Optional function libraries of an environment (the Kubernetes CEL environment enables all).
/// Macros (including two-variable comprehensions, optMap/optFlatMap and cel.bind) and optional
/// values are always available.
/// </summary>
[Flags]
public enum CelExtensions
{
    None = 0,

    /// <summary>cel-go ext.Strings (version 3+): charAt, indexOf, lastIndexOf, lowerAscii, upperAscii, replace, split, join, substring, trim, reverse, format, strings.quote.</summary>
    Strings = 1,

    /// <summary>cel-go ext.Math: math.greatest/least/abs/ceil/floor/round/trunc/sign/isNaN/isInf/isFinite/bit operations/sqrt.</summary>
    Math = 2,

    /// <summary>cel-go ext.Lists: slice, flatten, distinct, reverse, sort, sortBy, lists.range, first, last.</summary>
    Lists = 4,

    /// <summary>cel-go ext.Sets: sets.contains, sets.equivalent, sets.intersects.</summary>
    Sets = 8,

    /// <summary>cel-go ext.Encoders: base64.encode, base64.decode (not enabled by Kubernetes).</summary>
    Encoders = 16,

    /// <summary>
    /// The Kubernetes libraries (k8s.io/apiserver/pkg/cel/library; docs/cel-kubernetes.md): regex find/findAll, lists,
    /// URLs, quantity, IP and CIDR, semver, format, authz, jsonpatch. Not in <see cref="All"/>: they reserve common names
    /// (<c>url</c>, <c>ip</c>, <c>min</c>, <c>max</c>).
    /// </summary>
    KubernetesLibraries = 32,

    /// <summary>The libraries of the Kubernetes CEL environment.</summary>
    Kubernetes = Strings | Math | Lists | Sets | KubernetesLibraries,

    All = Strings | Math | Lists | Sets | Encoders,
}
