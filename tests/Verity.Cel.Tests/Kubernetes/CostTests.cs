namespace Verity.Cel.Tests.Kubernetes;

/// <summary>The Kubernetes functions that scan their arguments are charged by size, so the cost limit bounds them.</summary>
public sealed class CostTests
{
    private static readonly CelEnvironment Env = K8s.Create(new Dictionary<string, CelType> { ["s"] = CelType.String, ["l"] = CelType.List(CelType.Int) });

    [Theory]
    [InlineData("s.find('[0-9]+') == ''")]
    [InlineData("s.findAll('x').size() == 0")]
    [InlineData("isURL(s)")]
    [InlineData("isQuantity(s)")]
    [InlineData("isSemver(s)")]
    [InlineData("isIP(s)")]
    [InlineData("isCIDR(s)")]
    [InlineData("format.dns1123Label().validate(s).hasValue()")]
    [InlineData("l.isSorted()")]
    [InlineData("l.sum() == 0")]
    [InlineData("l.max() == 0")]
    public void Cost_grows_with_input_size(string expr)
    {
        var p = Env.Compile(expr).Program!;
        long Cost(int n) => p.Evaluate(new Dictionary<string, object?>
        {
            ["s"] = new string('a', n),
            ["l"] = Enumerable.Repeat(0L, n).Cast<object?>().ToList(),
        }).ActualCost;
        Assert.True(Cost(10_000) >= Cost(10) + 900, $"{expr}: {Cost(10)} → {Cost(10_000)}");
        Assert.True(p.EstimatedCost > 100, $"{expr}: estimate {p.EstimatedCost}");
    }
}
