using Verity.Core.Selectors;

namespace Verity.Core.Tests.Selectors;

public class SelectorParserTests
{
    private const string BadName =
        "name part must consist of alphanumerics, '-', '_' or '.', and start and end with an alphanumeric " +
        "(e.g. 'MyName', 'my.name', '123-abc')";

    private const string BadValue =
        "must be empty or consist of alphanumerics, '-', '_' or '.', and start and end with an alphanumeric " +
        "(e.g. 'MyValue', 'my_value', '12345')";

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \t\r\n")]
    public void Empty_text_is_Everything(string text)
    {
        var result = LabelSelector.Parse(text);

        Assert.Same(LabelSelector.Everything, result.Selector);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("app=web", "app", SelectorOperator.Equals, new[] { "web" })]
    [InlineData("app==web", "app", SelectorOperator.DoubleEquals, new[] { "web" })]
    [InlineData("app!=web", "app", SelectorOperator.NotEquals, new[] { "web" })]
    [InlineData("tier in (a,b)", "tier", SelectorOperator.In, new[] { "a", "b" })]
    [InlineData("tier notin (a, b)", "tier", SelectorOperator.NotIn, new[] { "a", "b" })]
    [InlineData("tier in (b,a,b)", "tier", SelectorOperator.In, new[] { "a", "b" })]
    [InlineData("canary", "canary", SelectorOperator.Exists, new string[0])]
    [InlineData("!canary", "canary", SelectorOperator.DoesNotExist, new string[0])]
    [InlineData("! canary", "canary", SelectorOperator.DoesNotExist, new string[0])]
    [InlineData("x>5", "x", SelectorOperator.GreaterThan, new[] { "5" })]
    [InlineData("x<007", "x", SelectorOperator.LessThan, new[] { "007" })]
    [InlineData("  app  =  web  ", "app", SelectorOperator.Equals, new[] { "web" })]
    [InlineData("tier\tin\n(\ta ,\rb )", "tier", SelectorOperator.In, new[] { "a", "b" })]
    [InlineData("tier in(a)", "tier", SelectorOperator.In, new[] { "a" })]
    [InlineData("example.com/app=web", "example.com/app", SelectorOperator.Equals, new[] { "web" })]
    [InlineData("app=", "app", SelectorOperator.Equals, new[] { "" })]
    [InlineData("tier in ()", "tier", SelectorOperator.In, new[] { "" })]
    [InlineData("tier in (,)", "tier", SelectorOperator.In, new[] { "" })]
    [InlineData("tier in (a,)", "tier", SelectorOperator.In, new[] { "", "a" })]
    [InlineData("tier in (,a)", "tier", SelectorOperator.In, new[] { "", "a" })]
    [InlineData("tier in (a,,b)", "tier", SelectorOperator.In, new[] { "", "a", "b" })]
    [InlineData("in in (in)", "in", SelectorOperator.In, new[] { "in" })]
    [InlineData("notin notin (notin,in)", "notin", SelectorOperator.NotIn, new[] { "in", "notin" })]
    [InlineData("app=in", "app", SelectorOperator.Equals, new[] { "in" })]
    public void Parses_one_requirement(string text, string key, SelectorOperator op, string[] values)
    {
        var result = LabelSelector.Parse(text);

        Assert.True(result.Succeeded, result.ToString());
        var requirement = Assert.Single(result.Selector.Requirements);
        Assert.Equal(key, requirement.Key);
        Assert.Equal(op, requirement.Operator);
        Assert.Equal(values, requirement.Values);
    }

    [Fact]
    public void Requirements_are_sorted_stably_by_key()
    {
        var result = LabelSelector.Parse("tier in (a),app=web,x<9,!canary,x>1,app=");

        Assert.Equal(
            ["app=web", "app=", "!canary", "tier in (a)", "x<9", "x>1"],
            result.Selector!.Requirements.Select(r => r.ToString()));
    }

    [Fact]
    public void An_empty_value_before_a_comma_is_kept()
    {
        var result = LabelSelector.Parse("a=,b");

        Assert.Equal(["a=", "b"], result.Selector!.Requirements.Select(r => r.ToString()));
    }

    [Theory]
    [InlineData("tier in (a", "unexpected end of input at position 10: expected ')' to close the value list")]
    [InlineData("tier in (a,", "unexpected end of input at position 11: expected ')' to close the value list")]
    [InlineData("app=web,", "unexpected end of input at position 8: expected a label key or '!' after ','")]
    [InlineData("a,,b", "unexpected ',' at position 2: expected a label key or '!' after ','")]
    [InlineData(",app", "unexpected ',' at position 0: expected a label key or '!'")]
    [InlineData("=web", "unexpected '=' at position 0: expected a label key or '!'")]
    [InlineData("!=web", "unexpected '!=' at position 0: expected a label key or '!'")]
    [InlineData("app web", "unexpected 'web' at position 4: expected an operator (=, ==, !=, in, notin, >, <), ',' or end of input")]
    [InlineData("app (web)", "unexpected '(' at position 4: expected an operator (=, ==, !=, in, notin, >, <), ',' or end of input")]
    [InlineData("tier in a", "unexpected 'a' at position 8: expected '(' to open the value list")]
    [InlineData("tier in", "unexpected end of input at position 7: expected '(' to open the value list")]
    [InlineData("tier in (a b)", "unexpected 'b' at position 11: expected ',' or ')'")]
    [InlineData("tier in (a,=)", "unexpected '=' at position 11: expected a value, ',' or ')'")]
    [InlineData("tier in ((a)", "unexpected '(' at position 9: expected a value, ',' or ')'")]
    [InlineData("tier in (a) b", "unexpected 'b' at position 12: expected ',' or end of input")]
    [InlineData("!", "unexpected end of input at position 1: expected a label key after '!'")]
    [InlineData("!!a", "unexpected '!' at position 1: expected a label key after '!'")]
    [InlineData("!a=b", "unexpected '=' at position 2: expected ',' or end of input")]
    [InlineData("a=(b)", "unexpected '(' at position 2: expected a value, ',' or end of input")]
    [InlineData("x>=5", "unexpected '=' at position 2: expected a value, ',' or end of input")]
    [InlineData("a==b==c", "unexpected '==' at position 4: expected ',' or end of input")]
    [InlineData("-bad=x", "invalid label key \"-bad\" at position 0: " + BadName)]
    [InlineData("!-bad", "invalid label key \"-bad\" at position 1: " + BadName)]
    [InlineData("a=-x", "invalid label value \"-x\" at position 2: " + BadValue)]
    [InlineData("a in (b, c$)", "invalid label value \"c$\" at position 9: " + BadValue)]
    [InlineData("x>abc", "invalid value \"abc\" at position 2: operator '>' requires a base-10 64-bit integer")]
    [InlineData("x<", "invalid value \"\" at position 2: operator '<' requires a base-10 64-bit integer")]
    [InlineData("x<1.5", "invalid value \"1.5\" at position 2: operator '<' requires a base-10 64-bit integer")]
    [InlineData("x>9223372036854775808", "invalid value \"9223372036854775808\" at position 2: operator '>' requires a base-10 64-bit integer")]
    [InlineData("x>-5", "invalid label value \"-5\" at position 2: " + BadValue)]
    [InlineData("<nothing>", "unexpected '<' at position 0: expected a label key or '!'")]
    public void Reports_one_error_with_its_position(string text, string error)
    {
        var result = LabelSelector.Parse(text);

        Assert.Null(result.Selector);
        Assert.Equal([error], result.Errors);
    }

    [Fact]
    public void Reports_every_invalid_key_and_value_then_the_syntax_error()
    {
        var result = LabelSelector.Parse("-a=1, b=-x, c in (d,-e), f>g, h i");

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "invalid label key \"-a\" at position 0: " + BadName,
                "invalid label value \"-x\" at position 8: " + BadValue,
                "invalid label value \"-e\" at position 20: " + BadValue,
                "invalid value \"g\" at position 27: operator '>' requires a base-10 64-bit integer",
                "unexpected 'i' at position 32: expected an operator (=, ==, !=, in, notin, >, <), ',' or end of input",
            ],
            result.Errors);
    }

    [Fact]
    public void Null_text_is_a_caller_bug() =>
        Assert.Throws<ArgumentNullException>(() => LabelSelector.Parse(null!));
}
