using Verity.Cel.Values;

namespace Verity.Cel.Runtime;

/// <summary>
/// Cost units shared by the runtime counter and the static estimate. Every evaluated
/// identifier, field selection, call, literal list/map/message construction and comprehension
/// iteration costs 1. Functions that scan their arguments (string search, regex, split/join,
/// concatenation, format, list ext operations...) additionally cost ceil(0.1 × size) per
/// string/bytes/list/map argument, like cel-go's traversal factor; libraries mark theirs with
/// FunctionRegistry.MarkSizeDependent and may add a fixed cost per call (FunctionRegistry.SetFixedCost). The units approximate
/// cel-go/Kubernetes costs but are not identical to them.
/// </summary>
internal static class CostModel
{
    public const double TraversalFactor = 0.1;

    /// <summary>The size-dependent functions of the built-in libraries; libraries add theirs with <see cref="Library.FunctionRegistry.MarkSizeDependent"/>.</summary>
    public static readonly IReadOnlySet<string> DefaultSizeDependent = new HashSet<string>(StringComparer.Ordinal)
    {
        "_+_", "contains", "startsWith", "endsWith", "matches", "split", "join", "replace", "format", "indexOf",
        "lastIndexOf", "lowerAscii", "upperAscii", "trim", "substring", "charAt", "reverse", "strings.quote",
        "string", "bytes", "flatten", "distinct", "sort", "@sortByAssociatedKeys", "slice", "sets.contains",
        "sets.equivalent", "sets.intersects", "math.greatest", "math.least", "base64.encode",
        "base64.decode", "@in", "_==_", "_!=_",
    };

    public static long SizeCost(object v) => v switch
    {
        string s => Scale(s.Length),
        CelBytes b => Scale(b.Data.Length),
        CelList l => Scale(l.Count),
        CelMap m => Scale(m.Count),
        _ => 0,
    };

    public static long Scale(long size) => (long)Math.Ceiling(size * TraversalFactor);
}
