namespace Verity.Cel.Tests.Evaluation;

public sealed class LazyMapTests
{
    [Fact]
    public void Variables_are_computed_once_on_first_use_and_errors_stay_local()
    {
        var calls = new Dictionary<string, int>();
        var env = CelTestHelpers.EnvWith(("variables", CelType.Map(CelType.String, CelType.Dyn)));
        var program = env.Compile("variables.a + variables.a == 2 || variables.bad").Program!;
        var variables = CelLazyMapValue.Of(["a", "bad", "unused"], name =>
        {
            calls[name] = calls.GetValueOrDefault(name) + 1;
            return name switch
            {
                "a" => 1,
                "bad" => CelErrorValue.Of("variable bad failed"),
                _ => throw new InvalidOperationException("must not be evaluated"),
            };
        });
        var r = program.Evaluate(new Dictionary<string, object?> { ["variables"] = variables });
        Assert.True(r.IsTrue);
        Assert.Equal(1, calls["a"]);
        Assert.False(calls.ContainsKey("unused"));
        Assert.Equal("variable bad failed", env.Compile("variables.bad").Program!.Evaluate(new Dictionary<string, object?> { ["variables"] = variables }).Error);
    }
}
