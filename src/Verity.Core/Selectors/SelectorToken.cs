namespace Verity.Core.Selectors;

/// <summary>A token and its 0-based character position in the selector text.</summary>
internal readonly record struct SelectorToken(SelectorTokenKind Kind, string Text, int Position)
{
    /// <summary>How an error message names this token.</summary>
    public string Describe() => Kind == SelectorTokenKind.End ? "end of input" : $"'{Text}'";
}
