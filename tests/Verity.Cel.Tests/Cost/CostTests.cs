namespace Verity.Cel.Tests.Cost;

public sealed class CostTests
{
    private const string Exponential =
        "[1,2,3,4,5,6,7,8,9,10].map(x, [1,2,3,4,5,6,7,8,9,10].map(y, [1,2,3,4,5,6,7,8,9,10].map(z, z)))";

    [Fact]
    public void Cost_limit_stops_nested_comprehensions()
    {
        var r = CelTestHelpers.Eval(Exponential, options: new CelEvaluationOptions { CostLimit = 500 });
        Assert.True(r.IsError);
        Assert.Equal("operation cancelled: actual cost limit exceeded", r.Error);
        Assert.True(r.ActualCost <= 501);
    }

    [Fact]
    public void Without_a_limit_the_same_expression_completes_and_reports_its_cost()
    {
        var r = CelTestHelpers.Eval(Exponential, options: new CelEvaluationOptions { CostLimit = long.MaxValue });
        Assert.False(r.IsError);
        Assert.True(r.ActualCost > 1000);
    }

    [Fact]
    public void Static_estimate_bounds_the_actual_cost()
    {
        var program = CelTestHelpers.Env.Compile(Exponential).Program!;
        var actual = program.Evaluate(new Dictionary<string, object?>()).ActualCost;
        Assert.True(program.EstimatedCost >= actual, $"estimate {program.EstimatedCost} < actual {actual}");
    }

    [Fact]
    public void Estimate_assumes_a_size_for_unbounded_inputs()
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions
        {
            Variables = new Dictionary<string, CelType> { ["xs"] = CelType.List(CelType.Int) },
            AssumedCollectionSize = 100,
        });
        var small = env.Compile("xs.all(x, x > 0)").Program!.EstimatedCost;
        var nested = env.Compile("xs.all(x, xs.all(y, x > y))").Program!.EstimatedCost;
        Assert.True(small >= 100);
        Assert.True(nested >= 100 * 100);
    }

    [Fact]
    public void Default_limit_is_the_kubernetes_per_call_limit()
    {
        Assert.Equal(1_000_000, CelEvaluationOptions.Default.CostLimit);
        var r = CelTestHelpers.Eval("lists.range(1000).all(x, lists.range(1000).all(y, x + y >= 0))");
        Assert.Equal("operation cancelled: actual cost limit exceeded", r.Error);
    }

    [Fact]
    public void Building_lists_and_maps_in_comprehensions_costs_linear()
    {
        var list = CelTestHelpers.Eval("lists.range(20000).map(x, x * 2).filter(x, x % 4 == 0).size()");
        Assert.Equal(10000L, list.Value!.ToObject());
        Assert.InRange(list.ActualCost, 20000, 400_000);
        var map = CelTestHelpers.Eval("lists.range(5000).transformMap(i, v, v * 2).size()");
        Assert.Equal(5000L, map.Value!.ToObject());
        Assert.InRange(map.ActualCost, 5000, 100_000);
    }

    [Fact]
    public void Cancellation_stops_evaluation()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var r = CelTestHelpers.Eval("lists.range(100000).all(x, x >= 0)", options: new CelEvaluationOptions { Cancellation = cts.Token, CostLimit = long.MaxValue });
        Assert.True(r.IsError);
        Assert.Contains("cancelled", r.Error);
    }
}
