using Verity.Cel.Values;

namespace Verity.Cel;

/// <summary>
/// A map value for an activation whose entries are computed on first access and memoised —
/// e.g. ValidatingAdmissionPolicy <c>variables</c>: bind "variables" to
/// <c>CelLazyMapValue.Of(names, name =&gt; EvaluateVariable(name))</c>. The resolver may return any
/// activation value (JsonElement, CelValue, <see cref="CelErrorValue"/> for a failed variable, plain .NET
/// values). Create one per evaluation (not thread-safe); a resolver that reads the same map recursively
/// must guard against cycles itself.
/// </summary>
public static class CelLazyMapValue
{
    public static CelValue Of(IEnumerable<string> keys, Func<string, object?> resolve)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(resolve);
        return new CelValue(new LazyCelMap(keys, resolve));
    }
}
