namespace Verity.Core.Selectors;

/// <summary>
/// Splits selector text into tokens as apimachinery's <c>Lexer</c> does: ' ', '\t', '\r' and
/// '\n' separate tokens; '=', '!', '(', ')', ',', '&gt;' and '&lt;' are symbols, where "==" and
/// "!=" are the only two-character ones; every other run of characters is an identifier, left for
/// the parser to validate. Never fails. (Unlike apimachinery, a NUL character does not end the
/// input; it is part of an identifier and so rejected by validation.)
/// </summary>
internal static class SelectorLexer
{
    public static IReadOnlyList<SelectorToken> Tokenize(string text)
    {
        var tokens = new List<SelectorToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWhitespace(c))
            {
                i++;
                continue;
            }

            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var (kind, length) = (c, next) switch
            {
                ('=', '=') => (SelectorTokenKind.DoubleEquals, 2),
                ('!', '=') => (SelectorTokenKind.NotEquals, 2),
                ('=', _) => (SelectorTokenKind.Equals, 1),
                ('!', _) => (SelectorTokenKind.Not, 1),
                (',', _) => (SelectorTokenKind.Comma, 1),
                ('(', _) => (SelectorTokenKind.OpenParen, 1),
                (')', _) => (SelectorTokenKind.CloseParen, 1),
                ('>', _) => (SelectorTokenKind.GreaterThan, 1),
                ('<', _) => (SelectorTokenKind.LessThan, 1),
                _ => (SelectorTokenKind.Identifier, IdentifierLength(text, i)),
            };
            tokens.Add(new SelectorToken(kind, text.Substring(i, length), i));
            i += length;
        }

        tokens.Add(new SelectorToken(SelectorTokenKind.End, "", text.Length));
        return tokens;
    }

    private static int IdentifierLength(string text, int start)
    {
        var end = start;
        while (end < text.Length && !IsWhitespace(text[end]) && !IsSymbol(text[end]))
        {
            end++;
        }

        return end - start;
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsSymbol(char c) => c is '=' or '!' or '(' or ')' or ',' or '>' or '<';
}
