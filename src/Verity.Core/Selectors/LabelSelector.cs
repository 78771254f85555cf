using k8s.Models;

namespace Verity.Core.Selectors;

/// <summary>
/// A compiled, immutable Kubernetes label selector: the conjunction (AND) of its
/// <see cref="Requirements"/>, as <c>internalSelector</c> in
/// k8s.io/apimachinery/pkg/labels/selector.go. <see cref="Everything"/> has no requirements and
/// matches every label set; <see cref="Nothing"/> matches none (what a null API selector means).
/// Equality is structural (same requirements in canonical order), not semantic:
/// <c>a,!a</c> matches nothing but is not equal to <see cref="Nothing"/>.
/// </summary>
public sealed class LabelSelector : IEquatable<LabelSelector>
{
    /// <summary>What <see cref="ToString"/> renders for <see cref="Nothing"/>. apimachinery renders
    /// "" for both Nothing and Everything; Verity does not, because "" parses back as Everything and
    /// would silently widen a selector. This text does not parse, so a round trip fails loudly.</summary>
    public const string NothingText = "<nothing>";

    private LabelSelector(IReadOnlyList<LabelRequirement> requirements, bool isNothing)
    {
        Requirements = requirements;
        IsNothing = isNothing;
    }

    /// <summary>Matches every label set (an empty API selector, or the empty string).</summary>
    public static LabelSelector Everything { get; } = new([], isNothing: false);

    /// <summary>Matches no label set (a null API selector).</summary>
    public static LabelSelector Nothing { get; } = new([], isNothing: true);

    /// <summary>The requirements, stably sorted by key in ordinal order (apimachinery sorts
    /// <c>ByKey</c>); requirements on the same key keep their written order.</summary>
    public IReadOnlyList<LabelRequirement> Requirements { get; }

    public bool IsNothing { get; }

    public bool IsEverything => !IsNothing && Requirements.Count == 0;

    /// <summary>Parses kubectl's string syntax (<c>-l</c>/<c>--selector</c>, the
    /// <c>labelSelector</c> query parameter). See <see cref="SelectorParser"/> for the grammar.
    /// Error positions are 0-based character offsets into <paramref name="text"/>. Never throws on
    /// bad input.</summary>
    public static LabelSelectorResult Parse(string text) => SelectorParser.Parse(text);

    /// <summary>Compiles a <c>metav1.LabelSelector</c> as <c>LabelSelectorAsSelector</c>
    /// (k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go) does: null is <see cref="Nothing"/>,
    /// no matchLabels and no matchExpressions is <see cref="Everything"/>, otherwise both are
    /// ANDed. Reports every invalid field, each prefixed with its field path.</summary>
    public static LabelSelectorResult FromApi(V1LabelSelector? selector) => ApiSelectorConverter.Convert(selector);

    /// <summary>Builds a selector from validated requirements; none gives <see cref="Everything"/>.</summary>
    internal static LabelSelector Create(IEnumerable<LabelRequirement> requirements)
    {
        // OrderBy is stable, so same-key requirements keep their order.
        var sorted = requirements.OrderBy(r => r.Key, StringComparer.Ordinal).ToArray();
        return sorted.Length == 0 ? Everything : new LabelSelector(Array.AsReadOnly(sorted), isNothing: false);
    }

    /// <summary>True when every requirement matches (always for <see cref="Everything"/>,
    /// never for <see cref="Nothing"/>).</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (IsNothing)
        {
            return false;
        }

        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>kubectl's canonical form: requirements joined by ",", sorted by key, values
    /// sorted (e.g. <c>app=web,tier in (a,b)</c>). <see cref="Everything"/> is "" and
    /// <see cref="Nothing"/> is <see cref="NothingText"/>.</summary>
    public override string ToString() =>
        IsNothing ? NothingText : string.Join(",", Requirements);

    public bool Equals(LabelSelector? other) =>
        other is not null && IsNothing == other.IsNothing && Requirements.SequenceEqual(other.Requirements);

    public override bool Equals(object? obj) => Equals(obj as LabelSelector);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(IsNothing);
        foreach (var requirement in Requirements)
        {
            hash.Add(requirement);
        }

        return hash.ToHashCode();
    }
}
