namespace Verity.Core.Selectors;

/// <summary>
/// One term of a <see cref="LabelSelector"/>: a key, an operator and the operator's values.
/// Instances come only from <see cref="LabelSelector.Parse"/> and
/// <see cref="LabelSelector.FromApi"/>, so the key, values and value count are always valid.
/// Matching follows <c>Requirement.Matches</c> in k8s.io/apimachinery/pkg/labels/selector.go:
/// <c>notin</c> and <c>!=</c> match when the key is absent; <c>&gt;</c> and <c>&lt;</c> read the
/// label value as a base-10 64-bit integer and do not match when the key is absent or the value
/// is not such an integer.
/// </summary>
public sealed record LabelRequirement
{
    private readonly long _bound;

    internal LabelRequirement(string key, SelectorOperator @operator, IEnumerable<string> values)
    {
        Key = key;
        Operator = @operator;
        Values = Array.AsReadOnly(values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());
        // Callers validate first; a breach here is a bug in this folder, not bad input.
        var wellFormed = @operator switch
        {
            SelectorOperator.Exists or SelectorOperator.DoesNotExist => Values.Count == 0,
            SelectorOperator.In or SelectorOperator.NotIn => Values.Count > 0,
            SelectorOperator.GreaterThan or SelectorOperator.LessThan =>
                Values.Count == 1 && LabelSyntax.TryParseInteger(Values[0], out _bound),
            _ => Values.Count == 1,
        };
        if (!wellFormed)
        {
            throw new ArgumentException($"wrong values for operator {@operator}", nameof(values));
        }
    }

    /// <summary>The label key, a valid qualified name.</summary>
    public string Key { get; }

    public SelectorOperator Operator { get; }

    /// <summary>Distinct values in ordinal order (apimachinery keeps them in a set). Empty for
    /// Exists and DoesNotExist; exactly one for =, ==, !=, &gt; and &lt;; at least one for in and
    /// notin (the empty string is a value: <c>k in ()</c> means <c>k in ("")</c>).</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Whether <paramref name="labels"/> satisfy this requirement. A null label value is
    /// read as the empty string.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var present = labels.TryGetValue(Key, out var raw);
        var value = raw ?? "";
        return Operator switch
        {
            SelectorOperator.In or SelectorOperator.Equals or SelectorOperator.DoubleEquals =>
                present && HasValue(value),
            SelectorOperator.NotIn or SelectorOperator.NotEquals => !present || !HasValue(value),
            SelectorOperator.Exists => present,
            SelectorOperator.DoesNotExist => !present,
            SelectorOperator.GreaterThan => present && LabelSyntax.TryParseInteger(value, out var n) && n > _bound,
            SelectorOperator.LessThan => present && LabelSyntax.TryParseInteger(value, out var n) && n < _bound,
            _ => false,
        };
    }

    public bool Equals(LabelRequirement? other) =>
        other is not null && Key == other.Key && Operator == other.Operator && Values.SequenceEqual(other.Values);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Key);
        hash.Add(Operator);
        foreach (var value in Values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <summary>The kubectl string form, as <c>Requirement.String</c> in apimachinery renders it:
    /// <c>!k</c>, <c>k</c>, <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>,
    /// <c>k notin (a,b)</c>, <c>k&gt;5</c>, <c>k&lt;5</c>.</summary>
    public override string ToString() => Operator switch
    {
        SelectorOperator.Exists => Key,
        SelectorOperator.DoesNotExist => "!" + Key,
        SelectorOperator.In => $"{Key} in ({string.Join(",", Values)})",
        SelectorOperator.NotIn => $"{Key} notin ({string.Join(",", Values)})",
        SelectorOperator.Equals => $"{Key}={Values[0]}",
        SelectorOperator.DoubleEquals => $"{Key}=={Values[0]}",
        SelectorOperator.NotEquals => $"{Key}!={Values[0]}",
        SelectorOperator.GreaterThan => $"{Key}>{Values[0]}",
        SelectorOperator.LessThan => $"{Key}<{Values[0]}",
        _ => Key,
    };

    private bool HasValue(string value)
    {
        foreach (var candidate in Values)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
