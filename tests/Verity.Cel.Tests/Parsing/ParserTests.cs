using Verity.Cel.Parsing;
using Verity.Cel.Values;

namespace Verity.Cel.Tests.Parsing;

public sealed class ParserTests
{
    private static (Expr? Expr, List<CelIssue> Issues) Parse(string s)
    {
        var (e, issues, _) = Parser.Parse(s, _ => false);
        return (e, issues);
    }

    [Fact]
    public void Syntax_error_reports_line_and_column()
    {
        var c = CelTestHelpers.Env.Compile("1 +\n  2 +\n    )");
        Assert.False(c.Success);
        var issue = Assert.Single(c.Issues);
        Assert.Equal(3, issue.Line);
        Assert.Equal(5, issue.Column);
        Assert.Contains("Syntax error", issue.Message);
    }

    [Fact]
    public void Columns_count_code_points()
    {
        // "😀" is one code point but two UTF-16 units.
        var c = CelTestHelpers.Env.Compile("'\U0001F600' + )");
        var issue = Assert.Single(c.Issues);
        Assert.Equal(7, issue.Column);
        Assert.Equal(7, issue.Offset);
    }

    [Fact]
    public void Lexical_error_reports_position()
    {
        var c = CelTestHelpers.Env.Compile("a = 1");
        var issue = Assert.Single(c.Issues);
        Assert.Equal((1, 3), (issue.Line, issue.Column));
    }

    [Theory]
    [InlineData("if")]
    [InlineData("package")]
    [InlineData("1 + while")]
    public void Reserved_words_cannot_be_identifiers(string expr)
    {
        var (e, issues) = Parse(expr);
        Assert.Null(e);
        Assert.Contains("reserved", issues[0].Message);
    }

    [Theory]
    [InlineData("'a\\tb'", "a\tb")]
    [InlineData("\"\\x41\\101\\u0042\\U0001F600\"", "AAB\U0001F600")]
    [InlineData("r'a\\tb'", "a\\tb")]
    [InlineData("'''multi\nline'''", "multi\nline")]
    [InlineData("\"\"\"quote \" inside\"\"\"", "quote \" inside")]
    [InlineData("'\\a\\b\\f\\n\\r\\v\\\\\\?\\`'", "\a\b\f\n\r\v\\?`")]
    public void String_literals_decode_all_escapes(string literal, string expected)
    {
        var (e, issues) = Parse(literal);
        Assert.Empty(issues);
        Assert.Equal(expected, e!.Value);
    }

    [Fact]
    public void Bytes_literal_keeps_raw_octets()
    {
        var (e, _) = Parse("b'\\xff\\000ÿ'");
        Assert.Equal(new byte[] { 0xFF, 0x00, 0xC3, 0xBF }, ((CelBytes)e!.Value!).Data);
    }

    [Theory]
    [InlineData("0x1F", 31L)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("42u", 42UL)]
    [InlineData("0xFFu", 255UL)]
    [InlineData("1.5e3", 1500.0)]
    [InlineData(".5", 0.5)]
    public void Numeric_literals(string literal, object expected)
    {
        var (e, issues) = Parse(literal);
        Assert.Empty(issues);
        Assert.Equal(expected, e!.Value);
    }

    [Fact]
    public void Int_literal_overflow_is_a_parse_error()
    {
        var (e, issues) = Parse("9223372036854775808");
        Assert.Null(e);
        Assert.Single(issues);
    }

    [Fact]
    public void Optional_syntax_parses()
    {
        Assert.Empty(Parse("a.?b.c[?0].orValue(1)").Issues);
        Assert.Empty(Parse("[?x, 1]").Issues);
        Assert.Empty(Parse("{?'k': v}").Issues);
    }

    [Fact]
    public void Nesting_depth_is_limited()
    {
        var deep = new string('(', 300) + "1" + new string(')', 300);
        var (e, issues) = Parse(deep);
        Assert.Null(e);
        Assert.Contains("recursion limit", issues[0].Message);
        var longChain = string.Join(" + ", Enumerable.Repeat("1", 1000));
        Assert.Contains("recursion limit", Parse(longChain).Issues[0].Message);
    }

    [Fact]
    public void Expression_size_is_limited()
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions { MaxExpressionCodePoints = 10 });
        var c = env.Compile("1 + 2 + 3 + 4");
        Assert.Contains("size exceeds limit", Assert.Single(c.Issues).Message);
    }

    [Fact]
    public void Macros_expand_to_comprehensions()
    {
        Assert.Equal(ExprKind.Comprehension, Parse("[1].all(x, x > 0)").Expr!.Kind);
        Assert.Equal(ExprKind.Comprehension, Parse("{'a': 1}.transformMap(k, v, v + 1)").Expr!.Kind);
        Assert.Equal(ExprKind.Comprehension, Parse("cel.bind(x, 1, x + 1)").Expr!.Kind);
        var has = Parse("has(a.b)").Expr!;
        Assert.True(has.Kind == ExprKind.Select && has.TestOnly);
        Assert.Contains("has()", Parse("has(a)").Issues[0].Message);
        Assert.Contains("simple name", Parse("[1].map(x.y, 1)").Issues[0].Message);
    }
}
