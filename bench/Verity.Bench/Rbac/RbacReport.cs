using System.Globalization;
using System.Text;

namespace Verity.Bench.Rbac;

/// <summary>The Markdown table of one <c>rbac</c> run: medians, ratios to the load time, and the targets of issue 5.</summary>
internal static class RbacReport
{
    private static readonly TimeSpan WhoCanTarget = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan RisksTarget = TimeSpan.FromSeconds(2);

    public static string ToMarkdown(RbacResult r)
    {
        var load = RbacResult.Median(r.Load);
        var md = new StringBuilder();
        md.AppendLine(Inv($"Input: {r.Objects:N0} objects ({r.InputBytes / 1e6:N1} MB YAML stream) — {r.Roles:N0} Roles and ClusterRoles ({r.Rules:N0} rules after aggregation), {r.Bindings:N0} bindings, {r.Subjects:N0} subjects, {r.Workloads:N0} Deployments in {r.Shape.Namespaces} namespaces; {r.Diagnostics} RBAC diagnostics; seed {r.Shape.Seed}."));
        md.AppendLine(Inv($"Output: {r.Findings:N0} risk findings, {r.Paths:N0} escalation paths from workloads, cluster least-privilege score {r.ClusterScore:N1}; `WhoCan` returned {r.WhoCanAnswers:N0} entries per query on average."));
        md.AppendLine();
        md.AppendLine("| measurement | median | min – max | runs | ratio to load | target | result |");
        md.AppendLine("|---|---:|---:|---:|---:|---|---|");
        Row(md, "**baseline**: load (`ManifestParser.Parse` + `SnapshotBuilder.Build` + `RbacModel.FromSnapshot`)", r.Load, load, null);
        Row(md, "`new Authorizer(model)` (binding and rule indexes)", r.Authorizer, load, null);
        var median = TimeSpan.FromMilliseconds(RbacResult.Percentile(r.WhoCanMilliseconds, 0.5));
        var p99 = TimeSpan.FromMilliseconds(RbacResult.Percentile(r.WhoCanMilliseconds, 0.99));
        md.AppendLine(Inv($"| `Authorizer.WhoCan`, one random query ({r.WhoCanMilliseconds.Count} queries; p99 {Ms(p99)}, max {Ms(TimeSpan.FromMilliseconds(r.WhoCanMilliseconds.Max()))}) | {Ms(median)} | | {r.WhoCanMilliseconds.Count} | {Ratio(median, load)} | < 50 ms (p99) | {Met(p99 <= WhoCanTarget)} |"));
        Row(md, "`RiskAnalyzer.Analyze`, every subject", r.Risks, load, RisksTarget);
        Row(md, "`EscalationGraph.Build` (from the findings)", r.Graph, load, null);
        Row(md, Inv($"`PathFinder.FromWorkloads` (BFS from each of {r.Workloads:N0} workloads)"), r.PathsTime, load, null);
        Row(md, "`LeastPrivilegeScorer.Score`", r.Scores, load, null);
        md.AppendLine();
        md.AppendLine(Inv($"Whole run (after generation): {r.Total.TotalSeconds:N0} s."));
        return md.ToString();
    }

    private static void Row(StringBuilder md, string name, IReadOnlyList<TimeSpan> runs, TimeSpan load, TimeSpan? target)
    {
        if (runs.Count == 0) return;
        var median = RbacResult.Median(runs);
        var range = runs.Count > 1 ? $"{Ms(runs.Min())} – {Ms(runs.Max())}" : "";
        var goal = target is { } t ? $"< {Ms(t)}" : "—";
        var result = target is { } t2 ? Met(median <= t2) : "";
        md.AppendLine(Inv($"| {name} | {Ms(median)} | {range} | {runs.Count} | {Ratio(median, load)} | {goal} | {result} |"));
    }

    private static string Met(bool met) => met ? "**met**" : "**missed**";

    private static string Ratio(TimeSpan value, TimeSpan load) => load == TimeSpan.Zero ? "" : value / load < 0.001 ? Inv($"{value / load:0.0e0}×") : Inv($"{value / load:N3}×");

    private static string Ms(TimeSpan t) => t.TotalSeconds >= 1 ? Inv($"{t.TotalSeconds:N2} s") : t.TotalMilliseconds >= 10 ? Inv($"{t.TotalMilliseconds:N0} ms") : Inv($"{t.TotalMilliseconds:N2} ms");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
