namespace Verity.Cel.Tests.Evaluation;

public sealed class EvaluationTests
{
    private static object? V(string expr) => CelTestHelpers.Value(expr);

    private static string Err(string expr)
    {
        var r = CelTestHelpers.Eval(expr);
        Assert.True(r.IsError, $"'{expr}' should fail but gave {r.Value}");
        return r.Error!;
    }

    [Theory]
    [InlineData("1/0 == 1 || true", true)]
    [InlineData("true || 1/0 == 1", true)]
    [InlineData("1/0 == 1 && false", false)]
    [InlineData("false && 1/0 == 1", false)]
    [InlineData("[1, 2].exists(x, x / 0 == 1 || x == 2)", true)]
    [InlineData("[0, -1].all(x, 1 / x > 0)", false)]
    public void Logical_operators_absorb_errors_commutatively(string expr, bool expected) =>
        Assert.Equal(expected, V(expr));

    [Theory]
    [InlineData("1/0 == 1 || false")]
    [InlineData("true && 1/0 == 1")]
    public void Errors_propagate_when_not_absorbed(string expr) => Assert.Contains("divide by zero", Err(expr));

    [Theory]
    [InlineData("9223372036854775807 + 1")]
    [InlineData("-9223372036854775808 - 1")]
    [InlineData("-(-9223372036854775808)")]
    [InlineData("-9223372036854775808 / -1")]
    [InlineData("9223372036854775807 * 2")]
    [InlineData("0u - 1u")]
    [InlineData("18446744073709551615u + 1u")]
    [InlineData("int(18446744073709551615u)")]
    public void Integer_overflow_is_an_error(string expr) => Assert.Matches("return error for overflow|range error", Err(expr));

    [Theory]
    [InlineData("dyn(1) == 1.0 && dyn(1u) == 1.0 && dyn(1) == 1u", true)]
    [InlineData("dyn(1) < 1.5 && 2u > dyn(1)", true)]
    [InlineData("{1: 'a'}[dyn(1u)] == 'a' && {1u: 'a'}[dyn(1.0)] == 'a'", true)]
    [InlineData("dyn(2.0) in [1, 2, 3]", true)]
    [InlineData("[1, 'a'] == [1, 'a']", true)]
    [InlineData("{'a': [1]} == {'a': [dyn(1.0)]}", true)]
    public void Heterogeneous_numeric_equality_and_ordering(string expr, bool expected) =>
        Assert.Equal(expected, V(expr));

    [Theory]
    [InlineData("timestamp('2024-03-10T09:30:00Z').getHours('America/New_York')", 5L)]
    [InlineData("timestamp('2024-03-10T09:30:00Z').getHours('+05:30')", 15L)]
    [InlineData("timestamp('2024-03-10T09:30:00.123456789Z').getMilliseconds()", 123L)]
    [InlineData("timestamp('2024-01-01T00:00:00Z').getDayOfWeek()", 1L)]
    [InlineData("duration('1h30m').getMinutes()", 90L)]
    [InlineData("duration('1.5s').getMilliseconds()", 500L)]
    [InlineData("int(duration('1ms'))", 1000000L)]
    [InlineData("(timestamp('2024-01-02T00:00:00Z') - timestamp('2024-01-01T00:00:00Z')) == duration('24h')", true)]
    public void Timestamps_and_durations(string expr, object expected) => Assert.Equal(expected, V(expr));

    [Fact]
    public void Timestamp_range_is_enforced()
    {
        Err("timestamp('10000-01-01T00:00:00Z')");
        Err("timestamp('9999-12-31T23:59:59Z') + duration('1s')");
        Assert.Equal("0001-01-01T00:00:00Z", V("string(timestamp('0001-01-01T00:00:00Z'))"));
    }

    [Theory]
    [InlineData("optional.of(1).orValue(2)", 1L)]
    [InlineData("optional.none().orValue(2)", 2L)]
    [InlineData("{'a': 1}.?b.orValue(3)", 3L)]
    [InlineData("[1, 2][?5].hasValue()", false)]
    [InlineData("size([?optional.none(), ?optional.of(1)])", 1L)]
    [InlineData("size({?'a': optional.none(), 'b': 2})", 1L)]
    [InlineData("optional.of(2).optMap(x, x * 2).value()", 4L)]
    [InlineData("optional.ofNonZeroValue('').hasValue()", false)]
    public void Optionals(string expr, object expected) => Assert.Equal(expected, V(expr));

    [Theory]
    [InlineData("'%s is %d years, %.2f m, %x'.format(['Bob', 42, 1.756, 255])", "Bob is 42 years, 1.76 m, ff")]
    [InlineData("'a,b,c'.split(',').join('-')", "a-b-c")]
    [InlineData("'  hi  '.trim().upperAscii()", "HI")]
    [InlineData("'héllo'.substring(1, 3)", "él")]
    [InlineData("strings.quote('a\"b')", "\"a\\\"b\"")]
    [InlineData("'abc'.reverse()", "cba")]
    public void Strings_extension(string expr, string expected) => Assert.Equal(expected, V(expr));

    [Theory]
    [InlineData("math.greatest(1, 2.5, 3u)", 3UL)]
    [InlineData("math.least([3, -1, 2])", -1L)]
    [InlineData("math.round(2.5)", 3.0)]
    [InlineData("math.bitShiftLeft(1, 4)", 16L)]
    [InlineData("[3, 1, 2].sort()[0]", 1L)]
    [InlineData("[1, [2, [3]]].flatten().size()", 3L)]
    [InlineData("lists.range(4).slice(1, 3)[1]", 2L)]
    [InlineData("['b', 'a'].sortBy(x, x)[0]", "a")]
    [InlineData("sets.contains([1, 2, 3], [dyn(2.0)])", true)]
    [InlineData("[1, 1, 2].distinct().size()", 2L)]
    public void Math_lists_and_sets_extensions(string expr, object expected) => Assert.Equal(expected, V(expr));

    [Theory]
    [InlineData("'abc123'.matches('^[a-z]+[0-9]+$')", true)]
    [InlineData("'x'.matches('(?i)X')", true)]
    [InlineData("'abc\\n'.matches('^abc$')", false)]
    [InlineData("'x\\ny'.matches('(?m)^y$')", true)]
    [InlineData("'\u0661\u0662'.matches('^\\\\d+$')", false)]
    [InlineData("'12'.matches('^[\\\\d]+$')", true)]
    [InlineData("'a b'.matches('a\\\\sb')", true)]
    [InlineData("'ab'.matches('(?P<first>a)b')", true)]
    public void Regex_matches(string expr, bool expected) => Assert.Equal(expected, V(expr));

    [Theory]
    [InlineData("'aa'.matches('(a)\\\\1')")]
    [InlineData("'ab'.matches('a(?=b)')")]
    [InlineData("'ab'.matches('a(?<!b)')")]
    public void Regex_constructs_rejected_by_re2_are_errors(string expr) => Assert.Contains("invalid regular expression", Err(expr));

    [Theory]
    [InlineData("[1, 2, 3].transformList(i, v, v * i)", new long[] { 0, 2, 6 })]
    [InlineData("[1, 2, 3].map(x, x % 2 == 1, x * 10)", new long[] { 10, 30 })]
    [InlineData("[1, 2, 3].filter(x, x > 1)", new long[] { 2, 3 })]
    public void List_macros(string expr, long[] expected) =>
        Assert.Equal(expected.Cast<object>(), (List<object?>)V(expr)!);

    [Theory]
    [InlineData("{'a': 1, 'b': 2}.all(k, v, v > 0)", true)]
    [InlineData("{'a': 1, 'b': 2}.exists_one(k, k == 'a')", true)]
    [InlineData("{'a': 1}.transformMap(k, v, v + 1)['a']", 2L)]
    [InlineData("cel.bind(x, 'ab', x + x)", "abab")]
    public void Two_variable_comprehensions_and_bind(string expr, object expected) => Assert.Equal(expected, V(expr));

    [Theory]
    [InlineData("string(123.456)", "123.456")]
    [InlineData("string(100000.0)", "100000")]
    [InlineData("string(1000000.0)", "1e+06")]
    [InlineData("string(0.0001)", "0.0001")]
    [InlineData("string(0.00001)", "1e-05")]
    [InlineData("string(-2.5e-10)", "-2.5e-10")]
    public void Double_to_string_follows_go_shortest_g_format(string expr, string expected) => Assert.Equal(expected, V(expr));

    [Fact]
    public void Undeclared_variable_at_runtime_is_an_error_value()
    {
        var env = CelTestHelpers.EnvWith(("x", CelType.Int));
        var r = CelTestHelpers.Eval("x + 1", env: env);
        Assert.True(r.IsError);
        Assert.Contains("undeclared reference to 'x'", r.Error);
    }
}
