using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Verity.Bench.Webhook;

/// <summary>
/// Sends AdmissionReviews to one endpoint and checks every answer (HTTP 200, the request's uid, allowed exactly when the
/// review should be; <c>/noop</c> allows everything). Open loop: request i is due at start + i/rps whether or not earlier
/// ones have been answered, and its latency runs from that due time. Closed loop: <c>concurrency</c> workers, each
/// sending its next request as soon as the last is answered.
/// </summary>
internal sealed class LoadGenerator(HttpClient client, IReadOnlyList<ReviewTemplate> reviews)
{
    private int _next;

    public async Task<LatencySummary> OpenLoopAsync(string path, int rps, TimeSpan duration, int concurrency)
    {
        var total = (int)(rps * duration.TotalSeconds);
        var recorder = new LatencyRecorder(total);
        var lag = new long[total];
        var tasks = new Task[total];
        var interval = (double)Stopwatch.Frequency / rps;
        var start = Stopwatch.GetTimestamp();
        // A dedicated thread that sleeps 1 ms between batches: spinning would take a core from the server on a small machine.
        // Its lateness (reported as dispatch lag) is charged to the latency, as it would be if the server made it late.
        var dispatcher = new Thread(() =>
        {
            for (var i = 0; i < total; i++)
            {
                var due = start + (long)(i * interval);
                while (Stopwatch.GetTimestamp() < due) Thread.Sleep(1);
                lag[i] = Stopwatch.GetTimestamp() - due;
                tasks[i] = Task.Run(() => SendAsync(path, due, recorder));
            }
        }) { IsBackground = true, Name = "open-loop dispatcher" };
        dispatcher.Start();
        await Task.Run(dispatcher.Join);
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(start);
        Array.Sort(lag);
        var lagP99 = TimeSpan.FromSeconds(lag.Length == 0 ? 0 : lag[(int)Math.Ceiling(0.99 * lag.Length) - 1] / (double)Stopwatch.Frequency);
        return recorder.Summarize(path, "open loop", rps, concurrency, elapsed, lagP99);
    }

    public async Task<LatencySummary> ClosedLoopAsync(string path, int workers, TimeSpan duration)
    {
        var recorder = new LatencyRecorder((int)Math.Min(int.MaxValue / 2, 100_000 * Math.Max(1, duration.TotalSeconds)));
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end) await SendAsync(path, Stopwatch.GetTimestamp(), recorder);
        }));
        await Task.WhenAll(tasks);
        return recorder.Summarize(path, "closed loop", null, workers, Stopwatch.GetElapsedTime(start), TimeSpan.Zero);
    }

    private async Task SendAsync(string path, long due, LatencyRecorder recorder)
    {
        var review = reviews[(int)((uint)Interlocked.Increment(ref _next) % reviews.Count)];
        var uid = Guid.NewGuid().ToString("D");
        using var content = new ByteArrayContent(review.Body(uid));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.PostAsync(path, content);
            var body = await response.Content.ReadAsByteArrayAsync();
            var done = Stopwatch.GetTimestamp();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                recorder.Error($"{review.Name}: HTTP {(int)response.StatusCode}");
                return;
            }
            var expected = path == "/noop" || review.Allowed;
            var (answeredUid, allowed) = Read(body);
            if (answeredUid != uid) recorder.Wrong($"{review.Name}: answered uid \"{answeredUid}\" for \"{uid}\"");
            else if (allowed != expected) recorder.Wrong($"{review.Name}: allowed={allowed}, expected {expected}");
            else recorder.Ok(done - due, done - sent, allowed);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            recorder.Error($"{review.Name}: {e.GetType().Name}: {e.Message}");
        }
    }

    private static (string? Uid, bool Allowed) Read(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var response = document.RootElement.GetProperty("response");
        return (response.GetProperty("uid").GetString(), response.GetProperty("allowed").GetBoolean());
    }
}
