using System.Diagnostics;
using Verity.Bench.Generation;
using Verity.Bench.Load;
using Verity.Network.Engine;
using Verity.Network.Evaluation;
using Verity.Network.Model;

namespace Verity.Bench.Netpol;

/// <summary>
/// One run of the network benchmark, every phase on the same input in the same process so the load time is
/// a fair baseline: load (parse + snapshot), compile (model + engine), the full class-level matrix on every
/// declared port, single <c>can</c> queries, and the diff of the cluster against its changed revision.
/// Each timed run starts after a full compacting collection.
/// </summary>
internal static class NetpolBenchmark
{
    public static NetpolResult Run(NetpolInput input, int iterations, int diffIterations, int queries, Action<string> log)
    {
        var total = Stopwatch.StartNew();
        var result = new NetpolResult { Input = input, Objects = input.Shape.ObjectCount };

        var snapshot = NetpolInput.Load(input.Before, input.Shape.ObjectCount);
        for (var i = 0; i < iterations; i++)
        {
            snapshot = null!;
            result.Load.Add(Time(() => snapshot = NetpolInput.Load(input.Before, input.Shape.ObjectCount, result.Parse)));
            log($"  load {i + 1}/{iterations}: {Seconds(result.Load[^1])} (parse {Seconds(result.Parse[^1])})");
        }
        result.Pods = snapshot.Pods.Count;
        result.NetworkPolicies = snapshot.NetworkPolicies.Count;

        NetworkModel model = null!;
        ReachabilityEngine engine = null!;
        for (var i = 0; i < iterations; i++)
        {
            model = null!;
            engine = null!;
            result.Compile.Add(Time(() =>
            {
                model = NetworkModel.FromSnapshot(snapshot);
                engine = new ReachabilityEngine(model);
            }));
            log($"  compile {i + 1}/{iterations}: {Seconds(result.Compile[^1])}");
        }
        var endpoints = model.Endpoints;
        var ports = endpoints.SelectMany(ReachabilityMatrix.DeclaredPorts).Distinct().OrderBy(p => p.Port).ThenBy(p => p.Protocol).ToArray();
        result.Endpoints = endpoints.Count;
        result.Ports = ports.Length;
        result.Classes = engine.ClassCount;
        result.ClusterPolicies = model.Policies.ClusterPolicies.Count;
        result.PolicyDiagnostics = model.Diagnostics.Count;

        ClassMatrix matrix = null!;
        for (var i = 0; i < iterations; i++)
        {
            result.Matrix.Add(Time(() => matrix = ReachabilityMatrix.ComputeClassMatrix(engine, endpoints, ports)));
            result.ClassPairs = matrix.ClassPairs;
            log($"  matrix {i + 1}/{iterations}: {Seconds(result.Matrix[^1])} ({result.ClassPairs:N0} class pairs)");
        }

        result.MatrixChecked = Check(matrix, engine, endpoints, ports, input.Shape.Seed);
        log($"  matrix checked against AllowedMask on {result.MatrixChecked:N0} endpoint pairs");
        Queries(engine, model, endpoints, ports, queries, input.Shape.Seed, result);
        log($"  {queries:N0} queries: median {result.QueryMicroseconds.Order().ElementAt(queries / 2):N2} µs");

        var afterSnapshot = NetpolInput.Load(input.After, input.Shape.ObjectCount);
        var afterModel = NetworkModel.FromSnapshot(afterSnapshot);
        var afterEngine = new ReachabilityEngine(afterModel);
        result.ClassesAfter = afterEngine.ClassCount;
        for (var i = 0; i < diffIterations; i++)
        {
            ReachabilityDiff.Result diff = null!;
            result.Diff.Add(Time(() => diff = ReachabilityDiff.Compare(engine, endpoints, afterEngine, afterModel.Endpoints, ports)));
            (result.Opened, result.Closed, result.Compared) = (diff.Opened.Count, diff.Closed.Count, diff.Compared);
            log($"  diff {i + 1}/{diffIterations}: {Seconds(result.Diff[^1])} ({diff.Opened.Count:N0} opened, {diff.Closed.Count:N0} closed)");
        }
        result.Total = total.Elapsed;
        return result;
    }

    /// <summary>
    /// Single queries on random ordered pairs and random declared ports, each timed alone: the engine call
    /// (<c>AllowedMask</c> on one port, endpoints already in hand) and, separately, the whole <c>can</c> path
    /// from two endpoint ids (<c>NetworkModel.Resolve</c> twice, then the engine).
    /// </summary>
    private static void Queries(ReachabilityEngine engine, NetworkModel model, IReadOnlyList<Endpoint> endpoints, PortKey[] ports, int queries, int seed,
        NetpolResult result)
    {
        var rng = DeterministicRandom.For(seed, "netpol/queries");
        var single = ports.Select(p => new[] { p }).ToArray();
        var plan = Enumerable.Range(0, queries).Select(_ => (From: endpoints[rng.Next(endpoints.Count)], To: endpoints[rng.Next(endpoints.Count)], Port: rng.Next(ports.Length))).ToArray();
        RunTimer.Settle();
        var allowed = 0;
        foreach (var (from, to, port) in plan)
        {
            var start = Stopwatch.GetTimestamp();
            var mask = engine.AllowedMask(from, to, single[port]);
            result.QueryMicroseconds.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            allowed += (int)(mask & 1);
        }
        result.Allowed = allowed;
        foreach (var (from, to, port) in plan.Take(Math.Min(queries, 2_000)))
        {
            var start = Stopwatch.GetTimestamp();
            var a = model.Resolve(from.Id)!;
            var b = model.Resolve(to.Id)!;
            _ = engine.AllowedMask(a, b, single[port]);
            result.ResolvedQueryMicroseconds.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }
    }

    /// <summary>
    /// The bulk class matrix must say what the pairwise engine says (which the FsCheck property checks against
    /// the reference evaluator): every class pair when there are few classes, else 200,000 random endpoint pairs.
    /// </summary>
    private static int Check(ClassMatrix matrix, ReachabilityEngine engine, IReadOnlyList<Endpoint> endpoints, PortKey[] ports, int seed)
    {
        var rng = DeterministicRandom.For(seed, "netpol/check");
        var pairs = (long)endpoints.Count * endpoints.Count <= 200_000
            ? endpoints.SelectMany(a => endpoints.Select(b => (a, b))).ToList()
            : Enumerable.Range(0, 200_000).Select(_ => (endpoints[rng.Next(endpoints.Count)], endpoints[rng.Next(endpoints.Count)])).ToList();
        foreach (var (from, to) in pairs)
        {
            var expected = engine.AllowedMask(from, to, ports);
            if (matrix.Mask(from, to) != expected)
                throw new InvalidOperationException($"class matrix disagrees with AllowedMask for {from.Id} -> {to.Id}: {matrix.Mask(from, to):x} vs {expected:x}");
        }
        return pairs.Count;
    }

    private static TimeSpan Time(Action run)
    {
        RunTimer.Settle();
        var clock = Stopwatch.StartNew();
        run();
        return clock.Elapsed;
    }

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds:N3} s";
}
