namespace Verity.Cel.Tests.Evaluation;

public sealed class UnknownTests
{
    private static readonly CelEnvironment Env = CelTestHelpers.EnvWith(("request", CelType.Dyn), ("object", CelType.Dyn), ("params", CelType.Dyn));

    private static CelResult Run(string expr) => Env.Compile(expr).Program!.Evaluate(new Dictionary<string, object?>
    {
        ["request"] = CelUnknownValue.Of("request"),
        ["params"] = CelUnknownValue.Of("params"),
        ["object"] = CelTestHelpers.Json("{\"spec\": {\"replicas\": 3}}"),
    });

    [Fact]
    public void Unknown_inputs_propagate_and_merge()
    {
        var r = Run("request.userInfo.username == 'admin' || params.allowAll");
        Assert.True(r.IsUnknown);
        Assert.True(r.IsError);
        Assert.Equal(["request", "params"], r.UnknownAttributes);
    }

    [Theory]
    [InlineData("request.userInfo.username == 'admin' || object.spec.replicas > 1", true)]
    [InlineData("params.strict && object.spec.replicas > 5", false)]
    public void Decisive_known_side_absorbs_unknowns(string expr, bool expected)
    {
        var r = Run(expr);
        Assert.False(r.IsUnknown);
        Assert.Equal(expected, r.Value!.ToObject());
    }

    [Fact]
    public void Unknown_beats_errors_in_logical_operators()
    {
        var r = Run("object.spec.missing || request.allowed");
        Assert.True(r.IsUnknown);
    }
}
