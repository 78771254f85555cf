namespace Verity.Cel.Tests.Checking;

public sealed class CheckerTests
{
    [Fact]
    public void Undeclared_reference_is_reported_with_position()
    {
        var env = CelTestHelpers.EnvWith(("object", CelType.Dyn));
        var c = env.Compile("object.x == 1 &&\n  missing.y");
        var issue = Assert.Single(c.Issues);
        Assert.Equal("undeclared reference to 'missing' (in container '')", issue.Message);
        Assert.Equal((2, 3), (issue.Line, issue.Column));
    }

    [Fact]
    public void Overload_mismatch_is_reported()
    {
        var c = CelTestHelpers.Env.Compile("1 + 'a'");
        var issue = Assert.Single(c.Issues);
        Assert.Equal("found no matching overload for '_+_' applied to '(int, string)'", issue.Message);
        Assert.Equal(3, issue.Column);
        var m = CelTestHelpers.Env.Compile("'abc'.startsWith(1)");
        Assert.Equal("found no matching overload for 'startsWith' applied to 'string.(int)'", Assert.Single(m.Issues).Message);
    }

    [Fact]
    public void All_issues_are_reported()
    {
        var c = CelTestHelpers.Env.Compile("a + b");
        Assert.Equal(2, c.Issues.Count);
    }

    [Theory]
    [InlineData("1 + 2", "int")]
    [InlineData("[1.0, 2.0].map(x, x * 2.0)", "list(double)")]
    [InlineData("{'a': [1]}", "map(string, list(int))")]
    [InlineData("object.spec.replicas", "dyn")]
    [InlineData("object.spec.replicas > 1", "bool")]
    [InlineData("object.metadata.name.startsWith('x')", "bool")]
    [InlineData("labels.filter(k, k.startsWith('a'))", "list(string)")]
    [InlineData("optional.of(1)", "optional_type(int)")]
    [InlineData("[1, dyn('a')]", "list(dyn)")]
    [InlineData("timestamp('2024-01-01T00:00:00Z') - duration('1h')", "google.protobuf.Timestamp")]
    public void Result_type_is_computed(string expr, string type)
    {
        var env = CelTestHelpers.EnvWith(("object", CelType.Dyn), ("labels", CelType.Map(CelType.String, CelType.String)));
        var c = env.Compile(expr);
        Assert.True(c.Success, string.Join("; ", c.Issues));
        Assert.Equal(type, c.Program!.ResultType.ToString());
    }

    [Fact]
    public void Mixed_numeric_types_need_dyn_like_cel_go()
    {
        Assert.False(CelTestHelpers.Env.Compile("1 == 1.0").Success);
        Assert.True(CelTestHelpers.Env.Compile("dyn(1) == 1.0").Success);
    }

    [Theory]
    [InlineData("n.size()")]
    [InlineData("labels['a'] + 1")]
    [InlineData("n.foo")]
    [InlineData("[1, 2].all(x, x)")]
    public void Type_errors_are_detected(string expr)
    {
        var env = CelTestHelpers.EnvWith(("n", CelType.Int), ("labels", CelType.Map(CelType.String, CelType.String)));
        Assert.False(env.Compile(expr).Success);
    }

    [Fact]
    public void Container_resolves_qualified_variables()
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions
        {
            Container = "k8s.io",
            Variables = new Dictionary<string, CelType> { ["k8s.io.x"] = CelType.Int },
        });
        var c = env.Compile("x + 1");
        Assert.True(c.Success, string.Join("; ", c.Issues));
        Assert.Equal(2L, c.Program!.Evaluate(new Dictionary<string, object?> { ["k8s.io.x"] = 1 }).Value!.ToObject());
    }
}
