using System.Diagnostics.CodeAnalysis;

namespace Verity.Core.Selectors;

/// <summary>
/// The outcome of <see cref="LabelSelector.Parse"/> or <see cref="LabelSelector.FromApi"/>:
/// either a selector and no errors, or no selector and every error found. A selector with an
/// invalid part is never returned, because dropping a requirement would widen what it matches.
/// </summary>
public sealed class LabelSelectorResult
{
    private LabelSelectorResult(LabelSelector? selector, IReadOnlyList<string> errors)
    {
        Selector = selector;
        Errors = errors;
    }

    /// <summary>The selector; null exactly when <see cref="Errors"/> is non-empty.</summary>
    public LabelSelector? Selector { get; }

    /// <summary>Human-readable errors, each naming where it was found (a field path such as
    /// <c>matchExpressions[1].values</c>, or a 0-based character position).</summary>
    public IReadOnlyList<string> Errors { get; }

    [MemberNotNullWhen(true, nameof(Selector))]
    public bool Succeeded => Selector is not null;

    internal static LabelSelectorResult Success(LabelSelector selector) => new(selector, []);

    internal static LabelSelectorResult Failure(IEnumerable<string> errors)
    {
        var list = errors.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("a failure needs at least one error", nameof(errors));
        }

        return new(null, Array.AsReadOnly(list));
    }

    internal static LabelSelectorResult From(IReadOnlyCollection<string> errors, IEnumerable<LabelRequirement> requirements) =>
        errors.Count == 0 ? Success(LabelSelector.Create(requirements)) : Failure(errors);

    public override string ToString() =>
        Succeeded ? $"ok: {Selector}" : "errors: " + string.Join("; ", Errors);
}
