using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Verity.Bench.Cel;

/// <summary>
/// The <c>cel</c> benchmark (issue 7, point 6): compiled-evaluation throughput of Verity's CEL engine against the
/// <c>Cel</c> 0.3.3 NuGet package (same process) and @bufbuild/cel on Node.js (a child process), on the same
/// expressions and Pods. Before any timing, every (expression, pod) outcome of the three engines is compared. Timing: a
/// fixed warm-up per engine and expression, then <c>rounds</c> rounds; in each round the two .NET engines take turns
/// on each expression, then a fresh Node process (with its own warm-up) measures every expression once — so machine
/// noise hits all three engines in every round. The median round is reported.
/// </summary>
internal static class CelBenchmark
{
    public const string NodeEngine = "@bufbuild/cel (Node)";

    private static long s_sink;

    public static CelBenchResult Run(int seconds, int warmupSeconds, int rounds, Action<string> log)
    {
        var loadStart = LoadAverage();
        var cases = CelCorpus.Cases;
        var pods = CelCorpus.Pods();
        var podBytes = pods.Select(p => System.Text.Encoding.UTF8.GetByteCount(p)).ToArray();
        log($"{cases.Count} expressions × {pods.Count} Pods ({podBytes.Min():N0}–{podBytes.Max():N0} bytes); load {loadStart}");

        CelBenchEngine[] engines = [new VerityEngine(), new Cel033Engine()];
        var excluded = new Dictionary<(string, int), string>();
        foreach (var engine in engines)
            foreach (var (index, reason) in engine.Prepare(cases, pods))
            {
                excluded[(engine.Name, index)] = "does not compile: " + reason;
                log($"{engine.Name} cannot compile {cases[index].Name}: {reason}");
            }

        // Agreement, before any timing (Node in check-only mode).
        var outcomes = engines.ToDictionary(e => e.Name, e => Enumerable.Range(0, cases.Count)
            .Select(c => Enumerable.Range(0, pods.Count).Select(p => e.Outcome(c, p)).ToArray()).ToArray());
        var (nodeCheck, nodeSkipped) = NodeCelRunner.Run(cases, pods, checkOnly: true, seconds, warmupSeconds, rounds);
        if (nodeCheck is not null)
        {
            outcomes[NodeEngine] = nodeCheck.RootElement.GetProperty("outcomes").EnumerateArray()
                .Select(c => c.EnumerateArray().Select(o => o.GetString()!).ToArray()).ToArray();
            foreach (var error in nodeCheck.RootElement.GetProperty("compileErrors").EnumerateObject())
                excluded[(NodeEngine, int.Parse(error.Name, System.Globalization.CultureInfo.InvariantCulture))] = "does not compile: " + error.Value.GetString();
        }
        else log($"Node skipped: {nodeSkipped}");

        var disagreements = new List<string>();
        for (var c = 0; c < cases.Count; c++)
            for (var p = 0; p < pods.Count; p++)
            {
                var seen = outcomes.Where(o => !excluded.ContainsKey((o.Key, c))).Select(o => (o.Key, Value: o.Value[c][p])).ToList();
                if (seen.Any(s => s.Value is not ("true" or "false")) || seen.Select(s => s.Value).Distinct().Count() > 1)
                    disagreements.Add($"{cases[c].Name} on pod {p}: " + string.Join(", ", seen.Select(s => $"{s.Key} → {s.Value}")));
            }
        foreach (var d in disagreements) log("DISAGREEMENT " + d);
        var falseCounts = Enumerable.Range(0, cases.Count).Select(c => outcomes["Verity"][c].Count(o => o == "false")).ToArray();

        // Warm-up, then interleaved rounds (.NET engines).
        var rates = new Dictionary<(string, int), List<double>>();
        var bytes = new Dictionary<(string, int), List<double>>();
        for (var c = 0; c < cases.Count; c++)
            foreach (var engine in engines)
                if (!excluded.ContainsKey((engine.Name, c))) Measure(engine, c, warmupSeconds, pods.Count);
        var nodeRounds = new List<double[]>();
        JsonDocument? nodeInfo = null;
        for (var r = 0; r < rounds; r++)
        {
            for (var c = 0; c < cases.Count; c++)
            {
                // Alternate who goes first, so neither engine always follows the other.
                var order = (r + c) % 2 == 0 ? engines : engines.Reverse().ToArray();
                foreach (var engine in order)
                {
                    if (excluded.ContainsKey((engine.Name, c))) continue;
                    var (rate, perEval) = Measure(engine, c, seconds, pods.Count);
                    CollectionsMarshal.GetValueRefOrAddDefault(rates, (engine.Name, c), out _) ??= [];
                    rates[(engine.Name, c)].Add(rate);
                    CollectionsMarshal.GetValueRefOrAddDefault(bytes, (engine.Name, c), out _) ??= [];
                    bytes[(engine.Name, c)].Add(perEval);
                }
            }
            log($"round {r + 1}/{rounds} (.NET) done");

            // Node: one child process per round, right after this round's .NET measurements (its own warm-up each time).
            if (nodeSkipped is null)
            {
                var (nodeRun, skipped) = NodeCelRunner.Run(cases, pods, checkOnly: false, seconds, warmupSeconds, rounds: 1);
                nodeSkipped = skipped;
                if (nodeRun is not null)
                {
                    nodeInfo = nodeRun;
                    nodeRounds.Add(nodeRun.RootElement.GetProperty("rounds")[0].EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN).ToArray());
                    log($"round {r + 1}/{rounds} (Node) done");
                }
            }
        }

        var measurements = new List<CelMeasurement>();
        for (var c = 0; c < cases.Count; c++)
            foreach (var engine in engines)
                measurements.Add(excluded.TryGetValue((engine.Name, c), out var why)
                    ? new CelMeasurement(engine.Name, c, [], [], why)
                    : new CelMeasurement(engine.Name, c, rates[(engine.Name, c)], bytes[(engine.Name, c)]));

        var names = engines.Select(e => e.Name).ToList();
        var inputs = engines.ToDictionary(e => e.Name, e => e.InputDescription);
        if (nodeSkipped is null && nodeInfo is not null)
        {
            var root = nodeInfo.RootElement;
            names.Add(NodeEngine);
            inputs[NodeEngine] = $"{root.GetProperty("engine").GetString()} on Node.js {root.GetProperty("node").GetString()}: {root.GetProperty("input").GetString()}";
            for (var c = 0; c < cases.Count; c++)
                measurements.Add(excluded.TryGetValue((NodeEngine, c), out var why)
                    ? new CelMeasurement(NodeEngine, c, [], [], why)
                    : new CelMeasurement(NodeEngine, c, nodeRounds.Select(r => r[c]).ToArray(), []));
        }
        if (nodeSkipped is not null) log($"Node skipped: {nodeSkipped}");

        return new CelBenchResult
        {
            Cases = cases, PodCount = pods.Count, MinPodBytes = podBytes.Min(), MaxPodBytes = podBytes.Max(),
            Seconds = seconds, WarmupSeconds = warmupSeconds, Rounds = rounds,
            Engines = names, Inputs = inputs, Measurements = measurements, Disagreements = disagreements,
            FalseCounts = falseCounts, NodeSkipped = nodeSkipped,
            LoadAverageStart = loadStart, LoadAverageEnd = LoadAverage(),
            Runtime = $"{RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} processors, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}",
        };
    }

    /// <summary>Evaluates the expression over all Pods, again and again, for <paramref name="seconds"/>: evaluations/s and bytes/evaluation.</summary>
    private static (double Rate, double BytesPerEval) Measure(CelBenchEngine engine, int caseIndex, int seconds, int podCount)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var budget = TimeSpan.FromSeconds(seconds);
        long evals = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        do
        {
            s_sink += engine.EvaluateAll(caseIndex);
            evals += podCount;
        } while (watch.Elapsed < budget);
        var elapsed = watch.Elapsed.TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return (evals / elapsed, (double)allocated / evals);
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
