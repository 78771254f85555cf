namespace Verity.Bench.Load;

/// <summary>The timed runs of one case at one input size, or why it could not run.</summary>
internal sealed class CaseTiming(LoadCase c, int objects, long inputBytes)
{
    public LoadCase Case { get; } = c;
    public int Objects { get; } = objects;
    public long InputBytes { get; } = inputBytes;
    public List<Sample> Samples { get; } = [];
    public string? Failure { get; set; }

    public bool Succeeded => Failure is null && Samples.Count > 0;

    /// <summary>Median wall-clock time (the mean of the middle two for an even count).</summary>
    public TimeSpan Median => Middle(Samples.Select(s => s.Elapsed.Ticks)) is var ticks ? TimeSpan.FromTicks(ticks) : default;

    public TimeSpan Min => Samples.Count == 0 ? default : Samples.Min(s => s.Elapsed);
    public TimeSpan Max => Samples.Count == 0 ? default : Samples.Max(s => s.Elapsed);

    public long MedianAllocated => Middle(Samples.Select(s => s.AllocatedBytes));

    /// <summary>Input throughput at the median time, MB/s.</summary>
    public double MegabytesPerSecond => InputBytes / 1e6 / Median.TotalSeconds;

    private static long Middle(IEnumerable<long> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return 0;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
