using System.Globalization;
using System.Text;
using Verity.Cel.Values;

namespace Verity.Cel.Parsing;

/// <summary>
/// Tokenizer for the CEL grammar (https://github.com/google/cel-spec/blob/master/doc/langdef.md#syntax):
/// identifiers, reserved words, decimal/hex int and uint literals, floating literals,
/// string and bytes literals (single, double, triple quotes; r/R raw and b/B bytes prefixes;
/// all escapes of the spec), back-quoted field names, and `//` comments.
/// Lexical errors are returned as <see cref="TokenKind.Error"/> tokens, never thrown.
/// </summary>
internal sealed class Lexer
{
    private static readonly HashSet<string> ReservedWords =
    [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
        "package", "namespace", "return", "var", "void", "while",
    ];

    private readonly string _src;
    private int _pos;

    public Lexer(string source) => _src = source;

    public List<Token> Tokenize()
    {
        var tokens = new List<Token>();
        while (true)
        {
            var t = Next();
            tokens.Add(t);
            if (t.Kind is TokenKind.Eof or TokenKind.Error)
            {
                if (t.Kind == TokenKind.Error)
                {
                    tokens.Add(new Token(TokenKind.Eof, _src.Length, "", null));
                }

                return tokens;
            }
        }
    }

    private char Peek(int k = 0) => _pos + k < _src.Length ? _src[_pos + k] : '\0';

    private Token Next()
    {
        // Whitespace and comments.
        while (_pos < _src.Length)
        {
            var c = _src[_pos];
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                _pos++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (_pos < _src.Length && _src[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                break;
            }
        }

        if (_pos >= _src.Length)
        {
            return new Token(TokenKind.Eof, _pos, "", null);
        }

        var start = _pos;
        var ch = _src[_pos];
        switch (ch)
        {
            case '.':
                if (char.IsAsciiDigit(Peek(1)))
                {
                    return Number();
                }

                if (Peek(1) == '?')
                {
                    _pos += 2;
                    return new Token(TokenKind.QuestionDot, start, ".?", null);
                }

                _pos++;
                return new Token(TokenKind.Dot, start, ".", null);
            case ',': _pos++; return new Token(TokenKind.Comma, start, ",", null);
            case ':': _pos++; return new Token(TokenKind.Colon, start, ":", null);
            case '?':
                _pos++;
                return new Token(TokenKind.Question, start, "?", null);
            case '(': _pos++; return new Token(TokenKind.LParen, start, "(", null);
            case ')': _pos++; return new Token(TokenKind.RParen, start, ")", null);
            case '[':
                _pos++;
                return new Token(TokenKind.LBracket, start, "[", null);
            case ']': _pos++; return new Token(TokenKind.RBracket, start, "]", null);
            case '{': _pos++; return new Token(TokenKind.LBrace, start, "{", null);
            case '}': _pos++; return new Token(TokenKind.RBrace, start, "}", null);
            case '+': _pos++; return new Token(TokenKind.Plus, start, "+", null);
            case '-': _pos++; return new Token(TokenKind.Minus, start, "-", null);
            case '*': _pos++; return new Token(TokenKind.Star, start, "*", null);
            case '/': _pos++; return new Token(TokenKind.Slash, start, "/", null);
            case '%': _pos++; return new Token(TokenKind.Percent, start, "%", null);
            case '!':
                if (Peek(1) == '=')
                {
                    _pos += 2;
                    return new Token(TokenKind.NotEq, start, "!=", null);
                }

                _pos++;
                return new Token(TokenKind.Not, start, "!", null);
            case '<':
                if (Peek(1) == '=')
                {
                    _pos += 2;
                    return new Token(TokenKind.LessEq, start, "<=", null);
                }

                _pos++;
                return new Token(TokenKind.Less, start, "<", null);
            case '>':
                if (Peek(1) == '=')
                {
                    _pos += 2;
                    return new Token(TokenKind.GreaterEq, start, ">=", null);
                }

                _pos++;
                return new Token(TokenKind.Greater, start, ">", null);
            case '=':
                if (Peek(1) == '=')
                {
                    _pos += 2;
                    return new Token(TokenKind.Eq, start, "==", null);
                }

                return Error(start, "token recognition error at: '='");
            case '&':
                if (Peek(1) == '&')
                {
                    _pos += 2;
                    return new Token(TokenKind.And, start, "&&", null);
                }

                return Error(start, "token recognition error at: '&'");
            case '|':
                if (Peek(1) == '|')
                {
                    _pos += 2;
                    return new Token(TokenKind.Or, start, "||", null);
                }

                return Error(start, "token recognition error at: '|'");
            case '`':
                return QuotedIdent();
            case '"' or '\'':
                return StringLit(start, raw: false, bytes: false);
        }

        if (char.IsAsciiDigit(ch))
        {
            return Number();
        }

        if (char.IsAsciiLetter(ch) || ch == '_')
        {
            // String prefixes: r, R, b, B and combinations (rb, br, ...).
            var p = 0;
            bool raw = false, bytes = false;
            while (p < 2)
            {
                var c = Peek(p);
                if ((c is 'r' or 'R') && !raw)
                {
                    raw = true;
                    p++;
                }
                else if ((c is 'b' or 'B') && !bytes)
                {
                    bytes = true;
                    p++;
                }
                else
                {
                    break;
                }
            }

            if (p > 0 && Peek(p) is '"' or '\'')
            {
                _pos += p;
                return StringLit(start, raw, bytes);
            }

            while (_pos < _src.Length && (char.IsAsciiLetterOrDigit(_src[_pos]) || _src[_pos] == '_'))
            {
                _pos++;
            }

            var text = _src[start.._pos];
            return text switch
            {
                "true" => new Token(TokenKind.True, start, text, true),
                "false" => new Token(TokenKind.False, start, text, false),
                "null" => new Token(TokenKind.Null, start, text, CelNull.Value),
                "in" => new Token(TokenKind.In, start, text, null),
                _ when ReservedWords.Contains(text) => new Token(TokenKind.Reserved, start, text, null),
                _ => new Token(TokenKind.Ident, start, text, null),
            };
        }

        return Error(start, $"token recognition error at: '{ch}'");
    }

    private Token Error(int offset, string message)
    {
        _pos = _src.Length;
        return new Token(TokenKind.Error, offset, "", null, message);
    }

    private Token QuotedIdent()
    {
        var start = _pos;
        _pos++;
        var sb = new StringBuilder();
        while (_pos < _src.Length && _src[_pos] != '`')
        {
            var c = _src[_pos];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '/' or ' '))
            {
                return Error(_pos, $"token recognition error at: '`{sb}{c}'");
            }

            sb.Append(c);
            _pos++;
        }

        if (_pos >= _src.Length || sb.Length == 0)
        {
            return Error(start, "token recognition error at: '`'");
        }

        _pos++;
        return new Token(TokenKind.QuotedIdent, start, _src[start.._pos], sb.ToString());
    }

    private Token Number()
    {
        var start = _pos;
        if (Peek() == '0' && Peek(1) is 'x' or 'X')
        {
            _pos += 2;
            var hs = _pos;
            while (char.IsAsciiHexDigit(Peek()))
            {
                _pos++;
            }

            var hex = _src[hs.._pos];
            if (hex.Length == 0)
            {
                return Error(start, "invalid hex literal");
            }

            if (Peek() is 'u' or 'U')
            {
                _pos++;
                return ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hu)
                    ? new Token(TokenKind.Uint, start, _src[start.._pos], hu)
                    : Error(start, "invalid uint literal");
            }

            return ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hv)
                ? new Token(TokenKind.Int, start, _src[start.._pos], hv)
                : Error(start, "invalid int literal");
        }

        while (char.IsAsciiDigit(Peek()))
        {
            _pos++;
        }

        var isDouble = false;
        if (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
        {
            isDouble = true;
            _pos++;
            while (char.IsAsciiDigit(Peek()))
            {
                _pos++;
            }
        }

        if (Peek() is 'e' or 'E')
        {
            var save = _pos;
            _pos++;
            if (Peek() is '+' or '-')
            {
                _pos++;
            }

            if (char.IsAsciiDigit(Peek()))
            {
                isDouble = true;
                while (char.IsAsciiDigit(Peek()))
                {
                    _pos++;
                }
            }
            else
            {
                _pos = save;
            }
        }

        var text = _src[start.._pos];
        if (isDouble)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
                ? new Token(TokenKind.Double, start, text, d)
                : Error(start, "invalid double literal");
        }

        if (Peek() is 'u' or 'U')
        {
            _pos++;
            return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var u)
                ? new Token(TokenKind.Uint, start, _src[start.._pos], u)
                : Error(start, "invalid uint literal");
        }

        // Int magnitude kept as ulong so that -9223372036854775808 can be formed by the parser.
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? new Token(TokenKind.Int, start, text, v)
            : Error(start, "invalid int literal");
    }

    private Token StringLit(int start, bool raw, bool bytes)
    {
        var q = _src[_pos];
        var triple = Peek(1) == q && Peek(2) == q;
        _pos += triple ? 3 : 1;
        var buf = new List<byte>();
        var sb = new StringBuilder();

        void AppendRune(int cp)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                cp = 0xFFFD;
            }

            if (bytes)
            {
                Span<byte> tmp = stackalloc byte[4];
                var n = new Rune(cp).EncodeToUtf8(tmp);
                for (var i = 0; i < n; i++)
                {
                    buf.Add(tmp[i]);
                }
            }
            else
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
        }

        while (true)
        {
            if (_pos >= _src.Length)
            {
                return Error(start, "unterminated string literal");
            }

            var c = _src[_pos];
            if (triple)
            {
                if (c == q && Peek(1) == q && Peek(2) == q)
                {
                    _pos += 3;
                    break;
                }
            }
            else
            {
                if (c == q)
                {
                    _pos++;
                    break;
                }

                if (c is '\n' or '\r')
                {
                    return Error(start, "unterminated string literal");
                }
            }

            if (c == '\\' && !raw)
            {
                _pos++;
                var e = Peek();
                _pos++;
                switch (e)
                {
                    case 'a': AppendRune(7); break;
                    case 'b': AppendRune(8); break;
                    case 'f': AppendRune(12); break;
                    case 'n': AppendRune(10); break;
                    case 'r': AppendRune(13); break;
                    case 't': AppendRune(9); break;
                    case 'v': AppendRune(11); break;
                    case '\\' or '\'' or '"' or '`' or '?': AppendRune(e); break;
                    case 'x' or 'X':
                    {
                        if (!TryHex(2, out var v))
                        {
                            return Error(start, "invalid escape sequence");
                        }

                        if (bytes)
                        {
                            buf.Add((byte)v);
                        }
                        else
                        {
                            AppendRune(v);
                        }

                        break;
                    }

                    case 'u' or 'U':
                    {
                        if (bytes)
                        {
                            return Error(start, "invalid escape sequence in bytes literal");
                        }

                        if (!TryHex(e == 'u' ? 4 : 8, out var v) || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
                        {
                            return Error(start, "invalid unicode escape");
                        }

                        AppendRune(v);
                        break;
                    }

                    case >= '0' and <= '3':
                    {
                        var o1 = Peek();
                        var o2 = Peek(1);
                        if (o1 is < '0' or > '7' || o2 is < '0' or > '7')
                        {
                            return Error(start, "invalid octal escape");
                        }

                        _pos += 2;
                        var v = ((e - '0') * 64) + ((o1 - '0') * 8) + (o2 - '0');
                        if (bytes)
                        {
                            buf.Add((byte)v);
                        }
                        else
                        {
                            AppendRune(v);
                        }

                        break;
                    }

                    default:
                        return Error(start, "invalid escape sequence");
                }

                continue;
            }

            if (char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)))
            {
                AppendRune(char.ConvertToUtf32(c, Peek(1)));
                _pos += 2;
                continue;
            }

            // Raw CR LF inside a triple-quoted literal is normalised to LF (like cel-go).
            if (c == '\r' && Peek(1) == '\n')
            {
                _pos++;
                continue;
            }

            AppendRune(c);
            _pos++;
        }

        var text = _src[start.._pos];
        return bytes
            ? new Token(TokenKind.Bytes, start, text, new CelBytes(buf.ToArray()))
            : new Token(TokenKind.String, start, text, sb.ToString());
    }

    private bool TryHex(int n, out int value)
    {
        value = 0;
        for (var i = 0; i < n; i++)
        {
            var c = Peek();
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }

            value = (value * 16) + Convert.ToInt32(c.ToString(), 16);
            _pos++;
        }

        return true;
    }
}
