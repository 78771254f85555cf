namespace Verity.Bench.Cel;

/// <summary>
/// One engine on one expression: evaluations per second in each round (over all Pods, cycled) and, for the .NET engines,
/// bytes allocated per evaluation on the measuring thread. Null rates mean "not measured" (with <see cref="Skipped"/>).
/// </summary>
internal sealed record CelMeasurement(string Engine, int CaseIndex, IReadOnlyList<double> EvalsPerSecond, IReadOnlyList<double> BytesPerEval, string? Skipped = null)
{
    public double? Median => EvalsPerSecond.Count == 0 ? null : MedianOf(EvalsPerSecond);

    public double? MedianBytes => BytesPerEval.Count == 0 ? null : MedianOf(BytesPerEval);

    /// <summary>(max − min) / median of the rounds.</summary>
    public double? Spread => EvalsPerSecond.Count == 0 ? null : (EvalsPerSecond.Max() - EvalsPerSecond.Min()) / MedianOf(EvalsPerSecond);

    private static double MedianOf(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
