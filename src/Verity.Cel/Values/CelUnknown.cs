namespace Verity.Cel.Values;

/// <summary>
/// An unknown value (partial evaluation): the input attributes the result depends on but that were
/// not available. Unknowns propagate through strict functions (merging), and are absorbed by
/// <c>&amp;&amp;</c>/<c>||</c> when the other side decides the result
/// (https://github.com/google/cel-spec/blob/master/doc/langdef.md#logical-operators).
/// </summary>
internal sealed class CelUnknown
{
    public CelUnknown(IReadOnlyList<string> attributes) => Attributes = attributes;

    public IReadOnlyList<string> Attributes { get; }

    public CelUnknown Merge(CelUnknown other) => new([.. Attributes.Union(other.Attributes, StringComparer.Ordinal)]);
}
