using Verity.Bench.Cel;

namespace Verity.Bench.Commands;

/// <summary>
/// <c>cel [--seconds 1] [--warmup 1] [--rounds 3] [--report FILE]</c>: CEL compiled-evaluation throughput of Verity against
/// the <c>Cel</c> 0.3.3 package and @bufbuild/cel on Node.js (issue 7, point 6). Exit code 1 when the engines disagree.
/// </summary>
internal static class CelCommand
{
    public static int Run(Arguments args)
    {
        var seconds = Math.Max(1, args.Int("seconds") ?? 1);
        var warmup = Math.Max(1, args.Int("warmup") ?? 1);
        var rounds = Math.Max(1, args.Int("rounds") ?? 3);
        var reportPath = args.String("report");
        args.EnsureAllRead();

        var result = CelBenchmark.Run(seconds, warmup, rounds, Log);
        var markdown = CelReport.ToMarkdown(result);
        Console.WriteLine(markdown);
        if (reportPath is not null) File.WriteAllText(reportPath, markdown);
        return result.Disagreements.Count == 0 ? 0 : 1;
    }

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
