namespace Verity.Core.Selectors;

/// <summary>
/// Parser for kubectl's label selector syntax, following <c>Parser</c> in
/// k8s.io/apimachinery/pkg/labels/selector.go:
/// <code>
/// selector    := ε | requirement (',' requirement)*
/// requirement := '!' key                                          (DoesNotExist)
///              | key                                              (Exists)
///              | key ('=' | '==' | '!=' | '&gt;' | '&lt;') value?
///              | key ('in' | 'notin') '(' value? (',' value?)* ')'
/// </code>
/// A missing value is the empty string (<c>a=</c>, <c>a in ()</c>, <c>a in (b,)</c>).
/// <c>in</c> and <c>notin</c> are keywords only in operator position, so <c>in in (in)</c> is valid.
/// The values of <c>&gt;</c> and <c>&lt;</c> must be base-10 64-bit integers.
/// A syntax error stops parsing; invalid keys and values are all reported and parsing goes on.
/// Positions in messages are 0-based character offsets; the end of input is at text.Length.
/// </summary>
internal sealed class SelectorParser
{
    private const string Operators = "=, ==, !=, in, notin, >, <";

    private readonly IReadOnlyList<SelectorToken> _tokens;
    private readonly List<string> _errors = [];
    private readonly List<LabelRequirement> _requirements = [];
    private int _next;

    private SelectorParser(IReadOnlyList<SelectorToken> tokens) => _tokens = tokens;

    private SelectorToken Peek => _tokens[_next];

    public static LabelSelectorResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new SelectorParser(SelectorLexer.Tokenize(text));
        return parser.ParseSelector()
            ? LabelSelectorResult.From(parser._errors, parser._requirements)
            : LabelSelectorResult.Failure(parser._errors);
    }

    private SelectorToken Next() => _tokens[Math.Min(_next++, _tokens.Count - 1)];

    private bool ParseSelector()
    {
        if (Peek.Kind == SelectorTokenKind.End)
        {
            return true;
        }

        var expectedKey = "a label key or '!'";
        while (ParseRequirement(expectedKey))
        {
            var token = Next();
            if (token.Kind == SelectorTokenKind.End)
            {
                return true;
            }

            if (token.Kind != SelectorTokenKind.Comma)
            {
                return Unexpected(token, "',' or end of input");
            }

            expectedKey = "a label key or '!' after ','";
        }

        return false;
    }

    private bool ParseRequirement(string expectedKey)
    {
        var token = Next();
        if (token.Kind == SelectorTokenKind.Not)
        {
            var negated = Next();
            if (negated.Kind != SelectorTokenKind.Identifier)
            {
                return Unexpected(negated, "a label key after '!'");
            }

            return Add(negated, SelectorOperator.DoesNotExist, [], CheckKey(negated));
        }

        if (token.Kind != SelectorTokenKind.Identifier)
        {
            return Unexpected(token, expectedKey);
        }

        var keyValid = CheckKey(token);
        if (Peek.Kind is SelectorTokenKind.End or SelectorTokenKind.Comma)
        {
            return Add(token, SelectorOperator.Exists, [], keyValid);
        }

        var op = Next();
        return op switch
        {
            { Kind: SelectorTokenKind.Equals } => ParseExactValue(token, SelectorOperator.Equals, keyValid),
            { Kind: SelectorTokenKind.DoubleEquals } => ParseExactValue(token, SelectorOperator.DoubleEquals, keyValid),
            { Kind: SelectorTokenKind.NotEquals } => ParseExactValue(token, SelectorOperator.NotEquals, keyValid),
            { Kind: SelectorTokenKind.GreaterThan } => ParseExactValue(token, SelectorOperator.GreaterThan, keyValid),
            { Kind: SelectorTokenKind.LessThan } => ParseExactValue(token, SelectorOperator.LessThan, keyValid),
            { Kind: SelectorTokenKind.Identifier, Text: "in" } => ParseValueList(token, SelectorOperator.In, keyValid),
            { Kind: SelectorTokenKind.Identifier, Text: "notin" } => ParseValueList(token, SelectorOperator.NotIn, keyValid),
            _ => Unexpected(op, $"an operator ({Operators}), ',' or end of input"),
        };
    }

    private bool ParseExactValue(SelectorToken key, SelectorOperator op, bool valid)
    {
        var token = Peek;
        if (token.Kind is not (SelectorTokenKind.End or SelectorTokenKind.Comma))
        {
            token = Next();
            if (token.Kind != SelectorTokenKind.Identifier)
            {
                return Unexpected(token, "a value, ',' or end of input");
            }
        }

        // An empty value sits where the ',' or the end of input is.
        var value = token.Kind == SelectorTokenKind.Identifier ? token.Text : "";
        valid &= CheckValue(value, token.Position);
        if (op is SelectorOperator.GreaterThan or SelectorOperator.LessThan && !LabelSyntax.TryParseInteger(value, out _))
        {
            var symbol = op == SelectorOperator.GreaterThan ? '>' : '<';
            _errors.Add($"invalid value {LabelSyntax.Quote(value)} at position {token.Position}: " +
                        $"operator '{symbol}' requires a base-10 64-bit integer");
            valid = false;
        }

        return Add(key, op, [value], valid);
    }

    private bool ParseValueList(SelectorToken key, SelectorOperator op, bool valid)
    {
        var open = Next();
        if (open.Kind != SelectorTokenKind.OpenParen)
        {
            return Unexpected(open, "'(' to open the value list");
        }

        var values = new List<string>();
        var expectValue = true; // just after '(' or ','
        while (true)
        {
            var token = Next();
            switch (token.Kind)
            {
                case SelectorTokenKind.End:
                    return Unexpected(token, "')' to close the value list");
                case SelectorTokenKind.Identifier when expectValue:
                    valid &= CheckValue(token.Text, token.Position);
                    values.Add(token.Text);
                    expectValue = false;
                    break;
                case SelectorTokenKind.Comma:
                    if (expectValue)
                    {
                        values.Add("");
                    }

                    expectValue = true;
                    break;
                case SelectorTokenKind.CloseParen:
                    if (expectValue)
                    {
                        values.Add("");
                    }

                    return Add(key, op, values, valid);
                default:
                    return Unexpected(token, expectValue ? "a value, ',' or ')'" : "',' or ')'");
            }
        }
    }

    /// <summary>Records the requirement when its key and values were valid (their errors are
    /// already reported). Returns true because the syntax was fine and parsing goes on.</summary>
    private bool Add(SelectorToken key, SelectorOperator op, IEnumerable<string> values, bool valid)
    {
        if (valid)
        {
            _requirements.Add(new LabelRequirement(key.Text, op, values));
        }

        return true;
    }

    private bool CheckKey(SelectorToken key)
    {
        if (LabelSyntax.KeyError(key.Text) is not { } reason)
        {
            return true;
        }

        _errors.Add(LabelSyntax.InvalidKey(key.Text, reason, key.Position));
        return false;
    }

    private bool CheckValue(string value, int position)
    {
        if (LabelSyntax.ValueError(value) is not { } reason)
        {
            return true;
        }

        _errors.Add(LabelSyntax.InvalidValue(value, reason, position));
        return false;
    }

    private bool Unexpected(SelectorToken token, string expected)
    {
        _errors.Add($"unexpected {token.Describe()} at position {token.Position}: expected {expected}");
        return false;
    }
}
