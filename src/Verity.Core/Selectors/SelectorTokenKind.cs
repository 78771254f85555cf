namespace Verity.Core.Selectors;

/// <summary>Token kinds of kubectl's selector syntax (apimachinery labels/selector.go
/// <c>Token</c>). The keywords <c>in</c> and <c>notin</c> lex as identifiers; the parser reads
/// them as operators only in operator position, as apimachinery does.</summary>
internal enum SelectorTokenKind
{
    End,
    Identifier,
    Comma,
    OpenParen,
    CloseParen,
    Not,
    Equals,
    DoubleEquals,
    NotEquals,
    GreaterThan,
    LessThan,
}
