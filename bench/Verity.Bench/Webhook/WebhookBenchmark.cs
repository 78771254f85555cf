using System.Runtime.InteropServices;

namespace Verity.Bench.Webhook;

/// <summary>
/// The admission webhook load benchmark (issue 6, point 7): warm-up, then open loop at a fixed rate and closed loop at
/// maximum throughput, each against <c>/noop</c> and <c>/validate</c> of one in-process server.
/// </summary>
internal static class WebhookBenchmark
{
    public static async Task<WebhookResult> RunAsync(int rps, int seconds, int concurrency, int warmup, Action<string> log)
    {
        var loadStart = LoadAverage();
        var reviews = WebhookReviews.Create();
        log($"{reviews.Count} reviews, {reviews.Min(r => r.Bytes):N0}–{reviews.Max(r => r.Bytes):N0} bytes, {reviews.Count(r => r.Allowed)} allowed by restricted:latest");
        await using var target = await WebhookTarget.StartAsync(concurrency);
        log($"server on {target.Server.Addresses.Single()}");
        var load = new LoadGenerator(target.Client, reviews);
        var duration = TimeSpan.FromSeconds(seconds);
        var runs = new List<LatencySummary>();
        foreach (var path in new[] { "/noop", "/validate" })
        {
            if (warmup > 0)
            {
                var warm = await load.ClosedLoopAsync(path, concurrency, TimeSpan.FromSeconds(warmup));
                log($"warm-up {path}: {warm.Completed:N0} requests, {warm.Errors} errors, {warm.Wrong} wrong");
            }
        }
        foreach (var path in new[] { "/noop", "/validate" })
        {
            var open = await load.OpenLoopAsync(path, rps, duration, concurrency);
            log($"open loop {path} at {rps:N0} rps: p99 {open.P99Ms:N2} ms, {open.Errors} errors, {open.Wrong} wrong");
            runs.Add(open);
        }
        foreach (var path in new[] { "/noop", "/validate" })
        {
            var closed = await load.ClosedLoopAsync(path, concurrency, duration);
            log($"closed loop {path}: {closed.AchievedRps:N0} rps, p99 {closed.P99Ms:N2} ms, {closed.Errors} errors, {closed.Wrong} wrong");
            runs.Add(closed);
        }
        return new WebhookResult(runs, reviews, seconds, warmup, loadStart, LoadAverage(), Environment.ProcessorCount, RuntimeInformation.FrameworkDescription);
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
