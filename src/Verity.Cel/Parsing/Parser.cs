using Verity.Cel.Values;

namespace Verity.Cel.Parsing;

/// <summary>
/// Recursive-descent parser for the CEL grammar
/// (https://github.com/google/cel-spec/blob/master/doc/langdef.md#syntax) with macro expansion
/// (see <see cref="Macros"/>). Produces an <see cref="Expr"/> tree or issues with positions.
/// Limits: nesting depth (<see cref="MaxDepth"/>, 250 like cel-go) and expression size in
/// code points. The parser stops at the first syntax error.
/// </summary>
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private readonly SourceText _source;
    private readonly Func<string, bool> _isFunction;
    private readonly int _maxDepth;
    private int _pos;
    private int _nextId = 1;
    private int _depth;

    private Parser(SourceText source, List<Token> tokens, Func<string, bool> isFunction, int maxDepth)
    {
        _source = source;
        _tokens = tokens;
        _isFunction = isFunction;
        _maxDepth = maxDepth;
    }

    public const int MaxDepth = 250;

    /// <summary>Parses <paramref name="text"/>; <paramref name="isFunction"/> tells whether a dotted name is a namespaced function (e.g. "math.greatest").</summary>
    public static (Expr? Expr, List<CelIssue> Issues, int NodeCount) Parse(
        string text, Func<string, bool> isFunction, int maxDepth = MaxDepth, int maxCodePoints = 100_000)
    {
        var source = new SourceText(text);
        var issues = new List<CelIssue>();
        if (text.EnumerateRunes().Count() > maxCodePoints)
        {
            issues.Add(source.Issue(0, $"expression code point size exceeds limit: size: {text.Length}, limit {maxCodePoints}"));
            return (null, issues, 0);
        }

        var tokens = new Lexer(text).Tokenize();
        var err = tokens.FirstOrDefault(t => t.Kind == TokenKind.Error);
        if (err.Kind == TokenKind.Error)
        {
            issues.Add(source.Issue(err.Offset, "Syntax error: " + err.Error));
            return (null, issues, 0);
        }

        var p = new Parser(source, tokens, isFunction, maxDepth);
        try
        {
            var e = p.ParseExpr();
            if (p.Cur.Kind != TokenKind.Eof)
            {
                throw new ParseException(p.Cur.Offset, $"Syntax error: extraneous input '{p.Cur.Text}'");
            }

            if (Height(e) > 2 * maxDepth)
            {
                issues.Add(source.Issue(e.Offset, $"expression recursion limit exceeded: {maxDepth}"));
                return (null, issues, 0);
            }

            return (e, issues, p._nextId - 1);
        }
        catch (ParseException ex)
        {
            issues.Add(source.Issue(ex.Offset, ex.Message));
            return (null, issues, 0);
        }
    }

    internal int NewId() => _nextId++;

    /// <summary>Height of the tree, computed without recursion (long left-nested operator chains are deep).</summary>
    private static int Height(Expr root)
    {
        var max = 0;
        var stack = new Stack<(Expr, int)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (e, d) = stack.Pop();
            max = Math.Max(max, d);
            foreach (var c in Children(e))
            {
                stack.Push((c, d + 1));
            }
        }

        return max;
    }

    private static IEnumerable<Expr> Children(Expr e)
    {
        if (e.Target is not null)
        {
            yield return e.Target;
        }

        foreach (var a in e.Args)
        {
            yield return a;
        }

        foreach (var v in e.Values)
        {
            yield return v;
        }

        foreach (var c in new[] { e.IterRange, e.AccuInit, e.LoopCondition, e.LoopStep, e.Result })
        {
            if (c is not null)
            {
                yield return c;
            }
        }
    }

    private Token Cur => _tokens[_pos];

    private Token PeekTok(int k) => _tokens[Math.Min(_pos + k, _tokens.Count - 1)];

    private Token Advance() => _tokens[_pos++];

    private Token Expect(TokenKind kind, string what)
    {
        if (Cur.Kind != kind)
        {
            throw Unexpected(what);
        }

        return Advance();
    }

    private ParseException Unexpected(string expected)
    {
        var t = Cur;
        if (t.Kind == TokenKind.Reserved)
        {
            return new ParseException(t.Offset, $"Syntax error: reserved identifier: {t.Text}");
        }

        var found = t.Kind == TokenKind.Eof ? "<EOF>" : t.Text;
        return new ParseException(t.Offset, $"Syntax error: mismatched input '{found}' expecting {expected}");
    }

    private void Enter()
    {
        if (++_depth > _maxDepth)
        {
            throw new ParseException(Cur.Offset, $"expression recursion limit exceeded: {_maxDepth}");
        }
    }

    private void Leave() => _depth--;

    internal Expr Call(int offset, string fn, params Expr[] args) =>
        new(ExprKind.Call, NewId(), offset) { Name = fn, Args = args };

    internal Expr Lit(int offset, object value) => new(ExprKind.Literal, NewId(), offset) { Value = value };

    internal Expr Ident(int offset, string name) =>
        new(ExprKind.Ident, NewId(), offset) { Name = name, QualifiedName = name };

    private Expr ParseExpr()
    {
        Enter();
        try
        {
            var cond = ParseOr();
            if (Cur.Kind != TokenKind.Question)
            {
                return cond;
            }

            var q = Advance();
            var a = ParseOr();
            Expect(TokenKind.Colon, "':'");
            var b = ParseExpr();
            return Call(q.Offset, "_?_:_", cond, a, b);
        }
        finally
        {
            Leave();
        }
    }

    private Expr ParseOr() => ParseLogical(TokenKind.Or, "_||_", ParseAnd);

    private Expr ParseAnd() => ParseLogical(TokenKind.And, "_&&_", ParseRelation);

    private Expr ParseLogical(TokenKind op, string fn, Func<Expr> next)
    {
        var first = next();
        if (Cur.Kind != op)
        {
            return first;
        }

        var terms = new List<Expr> { first };
        var ops = new List<int>();
        while (Cur.Kind == op)
        {
            ops.Add(Advance().Offset);
            terms.Add(next());
        }

        return Balance(fn, terms, ops, 0, terms.Count - 1);
    }

    // Builds a balanced tree of a logical operator chain (as cel-go does) so long chains do not nest deeply.
    private Expr Balance(string fn, List<Expr> terms, List<int> ops, int lo, int hi)
    {
        if (lo == hi)
        {
            return terms[lo];
        }

        var mid = (lo + hi + 1) / 2;
        var left = Balance(fn, terms, ops, lo, mid - 1);
        var right = Balance(fn, terms, ops, mid, hi);
        return Call(ops[mid - 1], fn, left, right);
    }

    private Expr ParseRelation()
    {
        var left = ParseAddition();
        while (true)
        {
            var fn = Cur.Kind switch
            {
                TokenKind.Less => "_<_",
                TokenKind.LessEq => "_<=_",
                TokenKind.Greater => "_>_",
                TokenKind.GreaterEq => "_>=_",
                TokenKind.Eq => "_==_",
                TokenKind.NotEq => "_!=_",
                TokenKind.In => "@in",
                _ => null,
            };
            if (fn is null)
            {
                return left;
            }

            var op = Advance();
            var right = ParseAddition();
            left = Call(op.Offset, fn, left, right);
        }
    }

    private Expr ParseAddition()
    {
        var left = ParseMultiplication();
        while (Cur.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var right = ParseMultiplication();
            left = Call(op.Offset, op.Kind == TokenKind.Plus ? "_+_" : "_-_", left, right);
        }

        return left;
    }

    private Expr ParseMultiplication()
    {
        var left = ParseUnary();
        while (Cur.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = Advance();
            var right = ParseUnary();
            left = Call(op.Offset, op.Kind switch { TokenKind.Star => "_*_", TokenKind.Slash => "_/_", _ => "_%_" }, left, right);
        }

        return left;
    }

    private Expr ParseUnary()
    {
        Enter();
        try
        {
            if (Cur.Kind == TokenKind.Not)
            {
                var offsets = new List<int>();
                while (Cur.Kind == TokenKind.Not)
                {
                    offsets.Add(Advance().Offset);
                }

                var e = ParseMember();
                for (var i = offsets.Count - 1; i >= 0; i--)
                {
                    e = Call(offsets[i], "!_", e);
                }

                return e;
            }

            if (Cur.Kind == TokenKind.Minus)
            {
                var offsets = new List<int>();
                while (Cur.Kind == TokenKind.Minus)
                {
                    offsets.Add(Advance().Offset);
                }

                Expr e;
                if (Cur.Kind is TokenKind.Int or TokenKind.Double)
                {
                    // The last '-' belongs to the numeric literal (grammar: literal: '-'? NUM_INT).
                    _pos--;
                    offsets.RemoveAt(offsets.Count - 1);
                    e = ParseMember();
                }
                else
                {
                    e = ParseMember();
                }

                for (var i = offsets.Count - 1; i >= 0; i--)
                {
                    e = Call(offsets[i], "-_", e);
                }

                return e;
            }

            return ParseMember();
        }
        finally
        {
            Leave();
        }
    }

    private Expr ParseMember()
    {
        var e = ParsePrimary();
        while (true)
        {
            var t = Cur;
            if (t.Kind is TokenKind.Dot or TokenKind.QuestionDot)
            {
                Advance();
                var optional = t.Kind == TokenKind.QuestionDot;
                string name;
                if (Cur.Kind == TokenKind.QuotedIdent)
                {
                    name = (string)Advance().Value!;
                    e = SelectOrOptional(t.Offset, e, name, optional, quoted: true);
                    continue;
                }

                if (Cur.Kind is not TokenKind.Ident and not TokenKind.Reserved)
                {
                    throw Unexpected("IDENTIFIER");
                }

                var nameTok = Advance();
                name = nameTok.Text;
                if (Cur.Kind == TokenKind.LParen && !optional)
                {
                    var lp = Advance();
                    var args = ParseArgs(TokenKind.RParen);
                    e = MemberCall(lp.Offset, e, name, args);
                }
                else
                {
                    e = SelectOrOptional(t.Offset, e, name, optional, quoted: false);
                    if (Cur.Kind == TokenKind.LBrace && e.QualifiedName is not null && !optional)
                    {
                        e = ParseStruct(e.QualifiedName, e.Offset);
                    }
                }

                continue;
            }

            if (t.Kind == TokenKind.LBracket)
            {
                Advance();
                var opt = false;
                if (Cur.Kind == TokenKind.Question)
                {
                    Advance();
                    opt = true;
                }

                Enter();
                var idx = ParseExpr();
                Leave();
                Expect(TokenKind.RBracket, "']'");
                e = Call(t.Offset, opt ? "_[?_]" : "_[_]", e, idx);
                continue;
            }

            return e;
        }
    }

    private Expr SelectOrOptional(int offset, Expr operand, string field, bool optional, bool quoted)
    {
        if (optional)
        {
            return Call(offset, "_?._", operand, Lit(offset, field));
        }

        return new Expr(ExprKind.Select, NewId(), offset)
        {
            Target = operand,
            Name = field,
            QualifiedName = !quoted && operand.QualifiedName is not null ? operand.QualifiedName + "." + field : null,
        };
    }

    private List<Expr> ParseArgs(TokenKind close)
    {
        var args = new List<Expr>();
        if (Cur.Kind == close)
        {
            Advance();
            return args;
        }

        while (true)
        {
            args.Add(ParseExpr());
            if (Cur.Kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }

            Expect(close, close == TokenKind.RParen ? "')'" : "']'");
            return args;
        }
    }

    private Expr MemberCall(int offset, Expr target, string name, List<Expr> args)
    {
        // cel.index(i), cel.iterVar(i, j), cel.accuVar(i, j) of the block extension name hidden variables.
        if (target is { Kind: ExprKind.Ident, Name: "cel" } && name is "index" or "iterVar" or "accuVar"
            && args.All(a => a.Kind == ExprKind.Literal && a.Value is long) && args.Count == (name == "index" ? 1 : 2))
        {
            return Ident(offset, $"@{name}:{string.Join(":", args.Select(a => (long)a.Value!))}");
        }

        var macro = Macros.TryExpand(this, offset, target, name, args);
        if (macro is not null)
        {
            return macro;
        }

        if (target.QualifiedName is not null && _isFunction(target.QualifiedName + "." + name))
        {
            return new Expr(ExprKind.Call, NewId(), offset) { Name = target.QualifiedName + "." + name, Args = [.. args] };
        }

        return new Expr(ExprKind.Call, NewId(), offset) { Name = name, Target = target, Args = [.. args] };
    }

    internal ParseException MacroError(int offset, string message) => new(offset, message);

    private Expr ParsePrimary()
    {
        Enter();
        try
        {
            var t = Cur;
            switch (t.Kind)
            {
                case TokenKind.Minus:
                {
                    // '-' directly before a numeric literal: negative literal.
                    Advance();
                    var n = Advance();
                    if (n.Kind == TokenKind.Int)
                    {
                        var mag = (ulong)n.Value!;
                        if (mag > 9223372036854775808UL)
                        {
                            throw new ParseException(n.Offset, "invalid int literal");
                        }

                        return Lit(t.Offset, mag == 9223372036854775808UL ? long.MinValue : -(long)mag);
                    }

                    return Lit(t.Offset, -(double)n.Value!);
                }

                case TokenKind.Int:
                {
                    Advance();
                    var mag = (ulong)t.Value!;
                    if (mag > long.MaxValue)
                    {
                        throw new ParseException(t.Offset, "invalid int literal");
                    }

                    return Lit(t.Offset, (long)mag);
                }

                case TokenKind.Uint or TokenKind.Double or TokenKind.String or TokenKind.Bytes
                    or TokenKind.True or TokenKind.False or TokenKind.Null:
                    Advance();
                    return Lit(t.Offset, t.Value!);
                case TokenKind.LParen:
                {
                    Advance();
                    var e = ParseExpr();
                    Expect(TokenKind.RParen, "')'");
                    return e;
                }

                case TokenKind.LBracket:
                    Advance();
                    return ParseList(t.Offset);
                case TokenKind.LBrace:
                    Advance();
                    return ParseMap(t.Offset);
                case TokenKind.Dot or TokenKind.Ident:
                {
                    var leadingDot = t.Kind == TokenKind.Dot;
                    if (leadingDot)
                    {
                        Advance();
                    }

                    if (Cur.Kind != TokenKind.Ident)
                    {
                        throw Unexpected("IDENTIFIER");
                    }

                    var id = Advance();
                    var name = leadingDot ? "." + id.Text : id.Text;
                    if (Cur.Kind == TokenKind.LParen)
                    {
                        var lp = Advance();
                        var args = ParseArgs(TokenKind.RParen);
                        var macro = leadingDot ? null : Macros.TryExpandGlobal(this, lp.Offset, id.Text, args);
                        return macro ?? new Expr(ExprKind.Call, NewId(), lp.Offset) { Name = id.Text, Args = [.. args] };
                    }

                    if (Cur.Kind == TokenKind.LBrace)
                    {
                        return ParseStruct(name, id.Offset);
                    }

                    return Ident(id.Offset, name);
                }

                default:
                    throw Unexpected("<primary expression>");
            }
        }
        finally
        {
            Leave();
        }
    }

    private Expr ParseList(int offset)
    {
        var elems = new List<Expr>();
        var opts = new List<bool>();
        while (Cur.Kind != TokenKind.RBracket)
        {
            var opt = false;
            if (Cur.Kind == TokenKind.Question)
            {
                Advance();
                opt = true;
            }

            elems.Add(ParseExpr());
            opts.Add(opt);
            if (Cur.Kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }

            break;
        }

        Expect(TokenKind.RBracket, "']'");
        return new Expr(ExprKind.List, NewId(), offset) { Args = [.. elems], Optional = opts.Contains(true) ? [.. opts] : null };
    }

    private Expr ParseMap(int offset)
    {
        var keys = new List<Expr>();
        var values = new List<Expr>();
        var opts = new List<bool>();
        while (Cur.Kind != TokenKind.RBrace)
        {
            var opt = false;
            if (Cur.Kind == TokenKind.Question)
            {
                Advance();
                opt = true;
            }

            keys.Add(ParseExpr());
            Expect(TokenKind.Colon, "':'");
            values.Add(ParseExpr());
            opts.Add(opt);
            if (Cur.Kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }

            break;
        }

        Expect(TokenKind.RBrace, "'}'");
        return new Expr(ExprKind.Map, NewId(), offset)
        {
            Args = [.. keys], Values = [.. values], Optional = opts.Contains(true) ? [.. opts] : null,
        };
    }

    private Expr ParseStruct(string typeName, int offset)
    {
        Expect(TokenKind.LBrace, "'{'");
        var names = new List<string>();
        var values = new List<Expr>();
        var opts = new List<bool>();
        while (Cur.Kind != TokenKind.RBrace)
        {
            var opt = false;
            if (Cur.Kind == TokenKind.Question)
            {
                Advance();
                opt = true;
            }

            if (Cur.Kind == TokenKind.QuotedIdent)
            {
                names.Add((string)Advance().Value!);
            }
            else if (Cur.Kind == TokenKind.Reserved)
            {
                names.Add(Advance().Text);
            }
            else
            {
                names.Add(Expect(TokenKind.Ident, "IDENTIFIER").Text);
            }

            Expect(TokenKind.Colon, "':'");
            values.Add(ParseExpr());
            opts.Add(opt);
            if (Cur.Kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }

            break;
        }

        Expect(TokenKind.RBrace, "'}'");
        return new Expr(ExprKind.Struct, NewId(), offset)
        {
            Name = typeName, FieldNames = [.. names], Args = [.. values], Optional = opts.Contains(true) ? [.. opts] : null,
        };
    }
}
