using System.Diagnostics;
using Verity.Bench.Rbac;

namespace Verity.Bench.Commands;

/// <summary>
/// <c>rbac [--roles 5000] [--bindings 20000] [--namespaces 50] [--accounts 40] [--workloads 10] [--iterations 3]
/// [--queries 200] [--report FILE] [--seed S]</c>: the RBAC engine benchmark (issue 5, point 5), warmed up on a small input first.
/// </summary>
internal static class RbacCommand
{
    public static int Run(Arguments args)
    {
        var roles = args.Int("roles") ?? 5_000;
        var bindings = args.Int("bindings") ?? 20_000;
        var namespaces = Math.Max(1, args.Int("namespaces") ?? 50);
        var accounts = Math.Max(2, args.Int("accounts") ?? 40);
        var workloads = args.Int("workloads") ?? 10;
        var iterations = Math.Max(1, args.Int("iterations") ?? 3);
        var queries = Math.Max(1, args.Int("queries") ?? 200);
        var reportPath = args.String("report");
        var seed = args.Int("seed") ?? 1;
        args.EnsureAllRead();

        var clock = Stopwatch.StartNew();
        var warm = new RbacShape(roles / 20, bindings / 20, Math.Max(1, namespaces / 5), accounts, workloads, seed);
        Log($"warming up on {warm.Roles:N0} roles and {warm.Bindings:N0} bindings");
        RbacBenchmark.Run(warm, RbacInput.Generate(warm), 1, 50, _ => { });

        var shape = new RbacShape(roles, bindings, namespaces, accounts, workloads, seed);
        var yaml = RbacInput.Generate(shape);
        Log($"generated {shape.Roles:N0} roles and {shape.Bindings:N0} bindings ({yaml.Length / 1e6:N1} MB) in {clock.Elapsed.TotalSeconds:N1} s");
        var result = RbacBenchmark.Run(shape, yaml, iterations, queries, Log);
        var markdown = RbacReport.ToMarkdown(result);
        Console.WriteLine(markdown);
        if (reportPath is not null) File.WriteAllText(reportPath, markdown);
        return 0;
    }

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
