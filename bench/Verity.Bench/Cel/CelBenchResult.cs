namespace Verity.Bench.Cel;

/// <summary>Everything one <c>cel</c> run measured and checked, with the machine's load average before and after.</summary>
internal sealed record CelBenchResult
{
    public required IReadOnlyList<CelCase> Cases { get; init; }
    public required int PodCount { get; init; }
    public required int MinPodBytes { get; init; }
    public required int MaxPodBytes { get; init; }
    public required int Seconds { get; init; }
    public required int WarmupSeconds { get; init; }
    public required int Rounds { get; init; }
    /// <summary>Engine names in column order (Verity first).</summary>
    public required IReadOnlyList<string> Engines { get; init; }
    /// <summary>Engine name → how the Pod is given to it.</summary>
    public required IReadOnlyDictionary<string, string> Inputs { get; init; }
    public required IReadOnlyList<CelMeasurement> Measurements { get; init; }
    /// <summary>Every (expression, pod) pair on which the engines did not all return the same boolean.</summary>
    public required IReadOnlyList<string> Disagreements { get; init; }
    /// <summary>Per expression: how many Pods it denied (false) according to Verity.</summary>
    public required IReadOnlyList<int> FalseCounts { get; init; }
    public required string? NodeSkipped { get; init; }
    public required string LoadAverageStart { get; init; }
    public required string LoadAverageEnd { get; init; }
    public required string Runtime { get; init; }

    public CelMeasurement? Get(string engine, int caseIndex) =>
        Measurements.FirstOrDefault(m => m.Engine == engine && m.CaseIndex == caseIndex);
}
