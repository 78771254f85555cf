using Verity.Bench.Webhook;

namespace Verity.Bench.Commands;

/// <summary>
/// <c>webhook [--rps 1000] [--seconds 10] [--concurrency 32] [--warmup 3] [--report FILE]</c>: the admission webhook load
/// benchmark (issue 6, point 7) against an in-process server over real HTTPS.
/// </summary>
internal static class WebhookCommand
{
    public static int Run(Arguments args)
    {
        var rps = Math.Max(1, args.Int("rps") ?? 1_000);
        var seconds = Math.Max(1, args.Int("seconds") ?? 10);
        var concurrency = Math.Max(1, args.Int("concurrency") ?? 32);
        var warmup = args.Int("warmup") ?? 3;
        var reportPath = args.String("report");
        args.EnsureAllRead();

        var result = WebhookBenchmark.RunAsync(rps, seconds, concurrency, warmup, Log).GetAwaiter().GetResult();
        var markdown = WebhookReport.ToMarkdown(result);
        Console.WriteLine(markdown);
        if (reportPath is not null) File.WriteAllText(reportPath, markdown);
        return result.Runs.Sum(r => r.Errors + r.Wrong) == 0 ? 0 : 1;
    }

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
