using System.Diagnostics;
using Verity.Bench.Flows;
using Verity.Bench.Generation;
using Verity.Bench.Netpol;

namespace Verity.Bench.Commands;

/// <summary>
/// <c>flows [--lines 1000000] [--pods 10000] [--namespaces 500] [--iterations 3] [--capture FILE] [--report FILE] [--seed S]</c>:
/// issue 4's benchmark. Generates a cluster (no NetworkPolicies yet: the state before locking down) and a Hubble
/// capture of its traffic into a temporary file, warms up on a small capture, then runs <see cref="FlowsBenchmark"/>.
/// </summary>
internal static class FlowsCommand
{
    public static int Run(Arguments args)
    {
        var lines = args.Int("lines") ?? 1_000_000;
        var pods = args.Int("pods") ?? 10_000;
        var namespaces = args.Int("namespaces") ?? 500;
        var iterations = Math.Max(1, args.Int("iterations") ?? 3);
        var capture = args.String("capture") ?? Path.Combine(Path.GetTempPath(), "verity-bench-flows.jsonl");
        var reportPath = args.String("report");
        var seed = args.Int("seed") ?? 20261127;
        args.EnsureAllRead();
        var clock = Stopwatch.StartNew();
        var shape = NetpolShape.From(pods, namespaces * 3, namespaces, 20, 0, 0, seed) with { NetworkPoliciesPerNamespace = 0 };
        var cluster = new SyntheticCluster(shape);
        var bytes = cluster.ToBytes(ManifestFormat.JsonList);
        var load = Stopwatch.StartNew();
        var snapshot = NetpolInput.Load(bytes, shape.ObjectCount);
        var loadSeconds = load.Elapsed.TotalSeconds;
        Log($"cluster: {shape.ObjectCount:N0} objects, {snapshot.Pods.Count:N0} pods, loaded in {loadSeconds:N2} s");

        var warm = capture + ".warm";
        using (var file = File.Create(warm)) FlowCapture.Write(snapshot, file, Math.Min(lines, 50_000), seed);
        FlowsBenchmark.Run(snapshot, shape.ObjectCount, warm, Math.Min(lines, 50_000), 0, 1, _ => { });
        File.Delete(warm);
        Log("warmed up on 50,000 lines");

        int conversations;
        using (var file = new FileStream(capture, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            conversations = FlowCapture.Write(snapshot, file, lines, seed).Count;
        Log($"capture: {lines:N0} lines, {new FileInfo(capture).Length / 1e6:N0} MB, written in {clock.Elapsed.TotalSeconds:N0} s since start");

        var result = FlowsBenchmark.Run(snapshot, shape.ObjectCount, capture, lines, conversations, iterations, Log);
        result.SnapshotLoad = loadSeconds;
        var markdown = FlowsReport.ToMarkdown(result);
        Console.WriteLine(markdown);
        if (reportPath is not null) File.WriteAllText(reportPath, markdown);
        if (args.String("capture") is null) File.Delete(capture);
        return 0;
    }

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
