using System.Diagnostics;
using Verity.Bench.Generation;
using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Rbac.Authorization;
using Verity.Rbac.Model;
using Verity.Rbac.Paths;
using Verity.Rbac.Risks;
using Verity.Rbac.Scoring;

namespace Verity.Bench.Rbac;

/// <summary>
/// One run of the RBAC benchmark on one generated input, every phase in the same process so the load time
/// is a fair baseline: load as the CLI does (<c>ManifestParser.Parse</c> + <c>SnapshotBuilder.Build</c> +
/// <c>RbacModel.FromSnapshot</c>), the authorizer's indexes, random <c>WhoCan</c> queries, the risk analysis
/// of every subject, the escalation graph with every workload's shortest paths, and the scores.
/// Each timed run starts after a full compacting collection.
/// </summary>
internal static class RbacBenchmark
{
    private static readonly (string Verb, string Group, string Resource, string Sub)[] Queries =
    [
        ("get", "", "secrets", ""), ("list", "", "secrets", ""), ("create", "", "pods", ""), ("create", "", "pods", "exec"),
        ("patch", "apps", "deployments", ""), ("delete", "", "pods", ""), ("get", "", "configmaps", ""), ("impersonate", "", "users", ""),
        ("bind", "rbac.authorization.k8s.io", "clusterroles", ""), ("create", "", "serviceaccounts", "token"), ("get", "", "nodes", "proxy"),
        ("update", "coordination.k8s.io", "leases", ""), ("watch", "monitoring.coreos.com", "servicemonitors", ""), ("*", "*", "*", ""),
    ];

    public static RbacResult Run(RbacShape shape, string yaml, int iterations, int queries, Action<string> log)
    {
        var total = Stopwatch.StartNew();
        var result = new RbacResult { Shape = shape, InputBytes = yaml.Length };
        Snapshot snapshot = null!;
        RbacModel model = null!;
        for (var i = 0; i < iterations; i++)
        {
            snapshot = null!;
            model = null!;
            result.Load.Add(Time(() =>
            {
                var loaded = ManifestParser.Parse(yaml, "rbac.yaml");
                if (loaded.Diagnostics.Count > 0) throw new InvalidOperationException($"generated input has diagnostics: {loaded.Diagnostics[0]}");
                snapshot = SnapshotBuilder.Build(loaded.Objects);
                model = RbacModel.FromSnapshot(snapshot);
            }));
            log($"  load {i + 1}/{iterations}: {Seconds(result.Load[^1])}");
        }
        result.Objects = snapshot.Objects.Count;
        result.Roles = model.Roles.Count;
        result.Rules = model.Roles.Sum(r => r.Rules.Count);
        result.Bindings = model.Bindings.Count;
        result.Subjects = model.Subjects.Count;
        result.Workloads = snapshot.Workloads.Count;
        result.Diagnostics = model.Diagnostics.Count;

        Authorizer authorizer = null!;
        for (var i = 0; i < iterations; i++) result.Authorizer.Add(Time(() => authorizer = new Authorizer(model)));

        var random = DeterministicRandom.For(shape.Seed, "rbac-queries");
        var answers = 0L;
        var clock = new Stopwatch();
        for (var q = 0; q < queries; q++)
        {
            var (verb, group, resource, sub) = random.Pick(Queries);
            var ns = random.Chance(0.2) ? null : model.Namespaces[random.Next(model.Namespaces.Count)];
            clock.Restart();
            var entries = authorizer.WhoCan(verb, group, resource, sub, null, ns);
            clock.Stop();
            answers += entries.Count;
            result.WhoCanMilliseconds.Add(clock.Elapsed.TotalMilliseconds);
        }
        result.WhoCanAnswers = (double)answers / queries;
        log($"  who-can: {queries} queries, median {RbacResult.Percentile(result.WhoCanMilliseconds, 0.5):N2} ms");

        IReadOnlyList<RiskFinding> findings = [];
        for (var i = 0; i < iterations; i++)
        {
            result.Risks.Add(Time(() => findings = RiskAnalyzer.Analyze(model, authorizer)));
            log($"  risks {i + 1}/{iterations}: {Seconds(result.Risks[^1])} ({findings.Count:N0} findings)");
        }
        result.Findings = findings.Count;

        IReadOnlyList<EscalationPath> paths = [];
        EscalationGraph graph = null!;
        for (var i = 0; i < iterations; i++)
        {
            result.Graph.Add(Time(() => graph = EscalationGraph.Build(snapshot, authorizer, findings)));
            result.PathsTime.Add(Time(() => paths = PathFinder.FromWorkloads(graph)));
            log($"  graph {i + 1}/{iterations}: {Seconds(result.Graph[^1])}, paths {Seconds(result.PathsTime[^1])} ({paths.Count:N0} paths)");
        }
        result.Paths = paths.Count;

        LeastPrivilegeScores scores = null!;
        for (var i = 0; i < iterations; i++) result.Scores.Add(Time(() => scores = LeastPrivilegeScorer.Score(model, findings)));
        result.ClusterScore = scores.Cluster;
        result.Total = total.Elapsed;
        return result;
    }

    private static TimeSpan Time(Action action)
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed;
    }

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds:N2} s";
}
