using System.Diagnostics;

namespace Verity.Bench.Webhook;

/// <summary>
/// Latencies of one run (Stopwatch ticks), recorded lock-free from any thread into a preallocated buffer, plus outcome
/// counters. Past the buffer's capacity the latency is dropped but still counted.
/// </summary>
internal sealed class LatencyRecorder(int capacity)
{
    private readonly long[] _latencies = new long[capacity];
    private readonly long[] _service = new long[capacity];
    private int _count;
    private int _errors;
    private int _wrong;
    private int _allowed;
    private int _denied;

    public string? FirstProblem { get; private set; }

    public void Ok(long latencyTicks, long serviceTicks, bool allowed)
    {
        var i = Interlocked.Increment(ref _count) - 1;
        if (i < _latencies.Length)
        {
            _latencies[i] = latencyTicks;
            _service[i] = serviceTicks;
        }
        Interlocked.Increment(ref allowed ? ref _allowed : ref _denied);
    }

    public void Error(string problem)
    {
        Interlocked.Increment(ref _errors);
        FirstProblem ??= problem;
    }

    public void Wrong(string problem)
    {
        Interlocked.Increment(ref _wrong);
        FirstProblem ??= problem;
    }

    public LatencySummary Summarize(string endpoint, string mode, double? targetRps, int concurrency, TimeSpan elapsed, TimeSpan dispatchLagP99)
    {
        var n = Math.Min(_count, _latencies.Length);
        var latencies = _latencies[..n];
        var service = _service[..n];
        Array.Sort(latencies);
        Array.Sort(service);
        return new LatencySummary(endpoint, mode, targetRps, concurrency, _count, _count / elapsed.TotalSeconds,
            Ms(At(latencies, 0.50)), Ms(At(latencies, 0.90)), Ms(At(latencies, 0.99)), Ms(n == 0 ? 0 : latencies[^1]),
            Ms(At(service, 0.99)), dispatchLagP99.TotalMilliseconds, _errors, _wrong, _allowed, _denied, FirstProblem);
    }

    private static long At(long[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
