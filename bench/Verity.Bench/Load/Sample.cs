namespace Verity.Bench.Load;

/// <summary>One timed run: wall-clock time and the bytes allocated on the managed heap meanwhile.</summary>
internal sealed record Sample(TimeSpan Elapsed, long AllocatedBytes);
