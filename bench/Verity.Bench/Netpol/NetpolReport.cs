using System.Globalization;
using System.Text;
using Verity.Bench.Generation;

namespace Verity.Bench.Netpol;

/// <summary>The Markdown table of one <c>netpol</c> run: medians, each as a ratio to the load time of the same run, and the targets of issue 3.</summary>
internal static class NetpolReport
{
    private static readonly TimeSpan MatrixTarget = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan QueryTarget = TimeSpan.FromMilliseconds(1);

    public static string ToMarkdown(NetpolResult r)
    {
        var load = NetpolResult.Median(r.Load);
        var query = TimeSpan.FromMicroseconds(NetpolResult.Percentile(r.QueryMicroseconds, 0.5));
        var resolved = TimeSpan.FromMicroseconds(NetpolResult.Percentile(r.ResolvedQueryMicroseconds, 0.5));
        var md = new StringBuilder();
        var format = r.Input.Format == ManifestFormat.JsonList ? "kubectl JSON List" : "kubectl YAML List";
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Input: {r.Objects:N0} objects ({format}, {r.Input.Before.Length / 1e6:N1} MB), {r.Pods:N0} pods in {r.Input.Shape.Namespaces:N0} namespaces, {r.NetworkPolicies:N0} NetworkPolicies, {r.ClusterPolicies} ClusterNetworkPolicies, {r.Ports} distinct container ports; {r.PolicyDiagnostics} policy diagnostics; seed {r.Input.Shape.Seed}."));
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Engine: {r.Classes:N0} endpoint classes for {r.Endpoints:N0} endpoints ({r.ClassesAfter:N0} after the edits)."));
        md.AppendLine();
        md.AppendLine("| measurement | median | min – max | runs | ratio to load | target | result |");
        md.AppendLine("|---|---:|---:|---:|---:|---|---|");
        Row(md, "**baseline**: load (`ManifestParser.Parse` + `SnapshotBuilder.Build`)", r.Load, load, null);
        Row(md, "&nbsp;&nbsp;of it `ManifestParser.Parse`", r.Parse, load, null);
        Row(md, "compile (`NetworkModel.FromSnapshot` + `new ReachabilityEngine`)", r.Compile, load, null);
        Row(md, string.Create(CultureInfo.InvariantCulture, $"full matrix, class level ({r.ClassPairs:N0} class pairs = {(long)r.Endpoints * r.Endpoints:N0} endpoint pairs × {r.Ports} ports)"),
            r.Matrix, load, MatrixTarget);
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| single query, `engine.AllowedMask` on one port ({r.QueryMicroseconds.Count:N0} random pairs; p99 {Us(NetpolResult.Percentile(r.QueryMicroseconds, 0.99))}, max {Us(r.QueryMicroseconds.Max())}) | {Us(query.TotalMicroseconds)} | | {r.QueryMicroseconds.Count:N0} | {Ratio(query, load)} | < 1 ms | {Met(query <= QueryTarget)} |"));
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| single `can` from two ids (`NetworkModel.Resolve` × 2 + engine; p99 {Us(NetpolResult.Percentile(r.ResolvedQueryMicroseconds, 0.99))}) | {Us(resolved.TotalMicroseconds)} | | {r.ResolvedQueryMicroseconds.Count:N0} | {Ratio(resolved, load)} | < 1 ms | {Met(resolved <= QueryTarget)} |"));
        Row(md, string.Create(CultureInfo.InvariantCulture, $"diff against the changed revision (`ReachabilityDiff.Compare`, {r.Compared:N0} connections compared: {r.Opened:N0} opened, {r.Closed:N0} closed)"),
            r.Diff, load, null);
        md.AppendLine();
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Whole run (after generation): {r.Total.TotalSeconds:N0} s."));
        return md.ToString();
    }

    private static void Row(StringBuilder md, string name, IReadOnlyList<TimeSpan> runs, TimeSpan load, TimeSpan? target)
    {
        if (runs.Count == 0) return;
        var median = NetpolResult.Median(runs);
        var range = runs.Count > 1 ? $"{Time(runs.Min())} – {Time(runs.Max())}" : "";
        var goal = target is { } t ? $"< {Time(t)}" : "—";
        var result = target is { } t2 ? Met(median <= t2) : "";
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Time(median)} | {range} | {runs.Count} | {Ratio(median, load)} | {goal} | {result} |"));
    }

    private static string Met(bool met) => met ? "**met**" : "**missed**";

    private static string Ratio(TimeSpan value, TimeSpan load) => load == TimeSpan.Zero ? "" : value / load < 0.001
        ? string.Create(CultureInfo.InvariantCulture, $"{value / load:0.0e0}×")
        : string.Create(CultureInfo.InvariantCulture, $"{value / load:N3}×");

    public static string Time(TimeSpan t) => t.TotalSeconds >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:N2} s") : string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:N0} ms");

    private static string Us(double microseconds) => microseconds >= 1000 ? string.Create(CultureInfo.InvariantCulture, $"{microseconds / 1000:N2} ms") : string.Create(CultureInfo.InvariantCulture, $"{microseconds:N1} µs");
}
