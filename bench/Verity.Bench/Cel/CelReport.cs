using System.Globalization;
using System.Text;

namespace Verity.Bench.Cel;

/// <summary>Renders a <see cref="CelBenchResult"/> as markdown: the throughput/allocation table, the ratios against the goals, and the checks.</summary>
internal static class CelReport
{
    private const string Cel033 = "Cel 0.3.3";

    public static string ToMarkdown(CelBenchResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"CEL compiled evaluation: {r.Cases.Count} expressions × {r.PodCount} Pods ({r.MinPodBytes:N0}–{r.MaxPodBytes:N0} bytes of JSON each); " +
            $"warm-up {r.WarmupSeconds} s per engine and expression, then {r.Rounds} interleaved rounds of {r.Seconds} s each, median shown. {r.Runtime}. " +
            $"Load average (1/5/15 min): {r.LoadAverageStart} at start, {r.LoadAverageEnd} at end.");
        sb.AppendLine();

        var hasNode = r.Engines.Contains(CelBenchmark.NodeEngine);
        sb.Append("| expression | denies (of " + r.PodCount.ToString(inv) + ") |");
        foreach (var e in r.Engines) sb.Append(inv, $" {e} evals/s |").Append(e == CelBenchmark.NodeEngine ? "" : $" {e} B/eval |");
        if (hasNode) sb.Append(" Verity ÷ Node |");
        sb.AppendLine(" Verity ÷ Cel 0.3.3 |");
        sb.Append("|---|---:|");
        foreach (var e in r.Engines) sb.Append(e == CelBenchmark.NodeEngine ? "---:|" : "---:|---:|");
        if (hasNode) sb.Append("---:|");
        sb.AppendLine("---:|");

        var nodeRatios = new List<double>();
        var celRatios = new List<double>();
        for (var c = 0; c < r.Cases.Count; c++)
        {
            sb.Append(inv, $"| `{r.Cases[c].Name}` | {r.FalseCounts[c]} |");
            foreach (var e in r.Engines)
            {
                var m = r.Get(e, c);
                sb.Append(' ').Append(m?.Median is { } rate ? rate.ToString("N0", inv) : "n/a").Append(" |");
                if (e != CelBenchmark.NodeEngine) sb.Append(' ').Append(m?.MedianBytes is { } b ? b.ToString("N0", inv) : "n/a").Append(" |");
            }
            var verity = r.Get("Verity", c)?.Median;
            var floor = r.Cases[c].Floor;
            if (hasNode) sb.Append(' ').Append(Ratio(verity, r.Get(CelBenchmark.NodeEngine, c)?.Median, floor ? null : nodeRatios)).Append(" |");
            sb.Append(' ').Append(Ratio(verity, r.Get(Cel033, c)?.Median, floor ? null : celRatios)).AppendLine(" |");
        }
        sb.Append("| **geometric mean** (policy expressions, floor excluded) | |");
        foreach (var e in r.Engines) sb.Append(e == CelBenchmark.NodeEngine ? " |" : " | |");
        if (hasNode) sb.Append(inv, $" **{Geomean(nodeRatios):0.00}×** |");
        sb.AppendLine(inv, $" **{Geomean(celRatios):0.00}×** |");
        sb.AppendLine();

        var worstNode = nodeRatios.Count == 0 ? double.NaN : nodeRatios.Min();
        var worstCel = celRatios.Count == 0 ? double.NaN : celRatios.Min();
        sb.AppendLine(inv, $"Goals: faster than both — Verity ÷ Node {(hasNode ? $"min {worstNode:0.00}× → **{(worstNode > 1 ? "met" : "not met")}**" : "not measured")}, " +
            $"Verity ÷ Cel 0.3.3 min {worstCel:0.00}× → **{(worstCel > 1 ? "met" : "not met")}**; ≥ 20× Cel 0.3.3 — geometric mean {Geomean(celRatios):0.00}×, " +
            $"min {worstCel:0.00}× → **{(worstCel >= 20 ? "met on every expression" : Geomean(celRatios) >= 20 ? "met on the geometric mean, not on every expression" : "not met")}**.");
        sb.AppendLine();
        sb.AppendLine("Spread of the rounds, (max − min) / median, worst expression per engine: " + string.Join(", ", r.Engines.Select(e =>
            $"{e} {r.Measurements.Where(m => m.Engine == e && m.Spread is not null).Select(m => m.Spread!.Value).DefaultIfEmpty(double.NaN).Max() * 100:0}%")) + ".");
        sb.AppendLine();
        sb.AppendLine("Inputs:");
        foreach (var e in r.Engines) sb.AppendLine(inv, $"- {e}: {r.Inputs[e]}");
        if (r.NodeSkipped is not null) sb.AppendLine(inv, $"- {CelBenchmark.NodeEngine}: **skipped** — {r.NodeSkipped}");
        foreach (var m in r.Measurements.Where(m => m.Skipped is not null))
            sb.AppendLine(inv, $"- excluded: {m.Engine} on `{r.Cases[m.CaseIndex].Name}` — {m.Skipped}");
        sb.AppendLine();
        sb.AppendLine(r.Disagreements.Count == 0
            ? $"Agreement: all engines returned the same boolean on all {r.Cases.Count * r.PodCount} (expression, Pod) pairs before timing."
            : $"**Disagreements ({r.Disagreements.Count})** before timing:");
        foreach (var d in r.Disagreements) sb.AppendLine("- " + d);
        sb.AppendLine();
        sb.AppendLine("Expressions:");
        foreach (var c in r.Cases) sb.AppendLine(inv, $"- `{c.Name}`: `{c.Expression}`");
        return sb.ToString();
    }

    private static string Ratio(double? verity, double? other, List<double>? into)
    {
        if (verity is not { } v || other is not { } o || o <= 0) return "n/a";
        into?.Add(v / o);
        var text = (v / o).ToString("0.00", CultureInfo.InvariantCulture) + "×";
        return into is null ? $"({text})" : text;
    }

    private static double Geomean(List<double> ratios) =>
        ratios.Count == 0 ? double.NaN : Math.Exp(ratios.Sum(Math.Log) / ratios.Count);
}
