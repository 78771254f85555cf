using System.Diagnostics;
using Verity.Bench.Generation;
using Verity.Bench.Netpol;

namespace Verity.Bench.Commands;

/// <summary>
/// <c>netpol [--pods 10000] [--policies 2000] [--namespaces 500] [--ports 20] [--cluster-policies 6] [--edits 6]
/// [--iterations 3] [--diff-iterations 1] [--queries 10000] [--format yaml|json] [--report FILE] [--seed S]</c>:
/// the network engine benchmark (issue 3, point 7), every phase in one run, warmed up on a small cluster first.
/// </summary>
internal static class NetpolCommand
{
    public static int Run(Arguments args)
    {
        var pods = args.Int("pods") ?? 10_000;
        var policies = args.Int("policies") ?? 2_000;
        var namespaces = args.Int("namespaces") ?? 500;
        var ports = args.Int("ports") ?? 20;
        var clusterPolicies = args.Int("cluster-policies") ?? ClusterPolicyObjects.Count;
        var edits = args.Int("edits") ?? 6;
        var iterations = Math.Max(1, args.Int("iterations") ?? 3);
        var diffIterations = args.Int("diff-iterations") ?? 1;
        var queries = Math.Max(1, args.Int("queries") ?? 10_000);
        var format = GenerateCommand.Format(args.String("format") ?? "yaml");
        var reportPath = args.String("report");
        var seed = args.Int("seed");
        args.EnsureAllRead();
        var shape = NetpolShape.From(pods, policies, namespaces, ports, clusterPolicies, edits, seed);

        var clock = Stopwatch.StartNew();
        var warmShape = NetpolShape.From(pods / namespaces * 12, policies / namespaces * 12, 12, ports, clusterPolicies, Math.Min(edits, 9), seed);
        var warm = NetpolInput.Generate(warmShape, Math.Min(edits, 9), format);
        Log($"warming up on {warmShape.ObjectCount:N0} objects");
        NetpolBenchmark.Run(warm, 2, 1, 2_000, _ => { });

        var input = NetpolInput.Generate(shape, edits, format);
        Log($"generated {shape.ObjectCount:N0} objects twice ({input.Before.Length / 1e6:N1} MB each, {input.DistinctPorts} distinct container ports) in {clock.Elapsed.TotalSeconds:N1} s");
        var result = NetpolBenchmark.Run(input, iterations, diffIterations, queries, Log);
        var markdown = NetpolReport.ToMarkdown(result);
        Console.WriteLine(markdown);
        if (reportPath is not null) File.WriteAllText(reportPath, markdown);
        return 0;
    }

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
