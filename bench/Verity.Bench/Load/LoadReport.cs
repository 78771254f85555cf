using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Verity.Bench.Load;

/// <summary>Everything one <c>load</c> run measured, rendered as Markdown.</summary>
internal sealed class LoadReport(int objects, int seed, int iterations, int snapshotIterations)
{
    public const double YamlTarget = 1.5;
    public const double JsonTarget = 2.0;
    public const long MemoryTarget = 1_500_000_000;

    public Dictionary<LoadCase, CaseTiming> Timings { get; } = [];
    public List<CaseTiming> PeerTimings { get; } = [];
    public List<MemoryProbe> Memory { get; } = [];
    public List<string> Notes { get; } = [];
    public long YamlBytes { get; set; }
    public long JsonBytes { get; set; }
    public long StreamBytes { get; set; }
    public TimeSpan GenerationTime { get; set; }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"### Load benchmark: {objects:N0} objects (seed {seed})");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- machine: {Environment.ProcessorCount} cores ({Cpu()}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- input: kubectl YAML List {Mb(YamlBytes)}, kubectl JSON List {Mb(JsonBytes)}, multi-document YAML {Mb(StreamBytes)} (generated in {GenerationTime.TotalSeconds:N1} s)");
        if (Timings.Keys.Any(k => k != LoadCase.Snapshot))
            md.AppendLine(CultureInfo.InvariantCulture, $"- loader times: median of {iterations} runs per case after a warm-up on a 2,000-object cluster, cases interleaved round by round, full compacting GC before each run");
        if (Timings.ContainsKey(LoadCase.Snapshot))
            md.AppendLine(CultureInfo.InvariantCulture, $"- snapshot build: {snapshotIterations} run(s) after a warm-up on a 2,000-object cluster");
        md.AppendLine();
        if (Timings.Count > 0) Times(md);
        if (Memory.Count > 0) MemoryTable(md);
        foreach (var note in Notes) md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        return md.ToString();
    }

    private void Times(StringBuilder md)
    {
        md.AppendLine("| measurement | median | min – max | MB/s | allocated | baseline (same run) | baseline median | ratio | target |");
        md.AppendLine("|---|---:|---:|---:|---:|---|---:|---:|---|");
        Row(md, "Verity YAML load (`ManifestParser.Parse`, kubectl List)", LoadCase.VerityYaml, "YamlDotNet `Parser` over the same text", LoadCase.YamlFloor, YamlTarget);
        Row(md, "Verity JSON load (`ManifestParser.Parse`, kubectl List)", LoadCase.VerityJson, "`JsonDocument.Parse` on the same bytes", LoadCase.JsonFloor, JsonTarget);
        Row(md, "Verity YAML load (multi-document stream)", LoadCase.VerityStream, "YamlDotNet `Parser` over the same text", LoadCase.StreamFloor, null);
        foreach (var peer in PeerTimings)
        {
            var verity = peer.Objects == objects ? Timings.GetValueOrDefault(LoadCase.VerityStream) : PeerTimings.FirstOrDefault(t => t.Case == LoadCase.VerityStream && t.Objects == peer.Objects);
            if (peer.Case != LoadCase.PeerStream) continue;
            var label = $"peer `KubernetesYaml.LoadAllFromString`, multi-document stream, {peer.Objects:N0} objects";
            if (!peer.Succeeded)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {label} | failed: {Escape(peer.Failure)} | | | | | | | |");
                continue;
            }
            md.Append(CultureInfo.InvariantCulture, $"| {label} | {Time(peer.Median)} | {Time(peer.Min)} – {Time(peer.Max)} | {peer.MegabytesPerSecond:N1} | {Mb(peer.MedianAllocated)} ");
            md.AppendLine(verity is { Succeeded: true }
                ? string.Create(CultureInfo.InvariantCulture, $"| Verity on the same stream ({verity.Objects:N0} objects) | {Time(verity.Median)} | peer is {Ratio(peer, verity)} Verity's time | |")
                : "| | | | |");
        }
        if (Timings.GetValueOrDefault(LoadCase.Snapshot) is { } snapshot)
        {
            md.AppendLine(snapshot.Succeeded
                ? string.Create(CultureInfo.InvariantCulture, $"| `SnapshotBuilder.Build` on the {snapshot.Objects:N0} loaded objects | {Time(snapshot.Median)} | {Time(snapshot.Min)} – {Time(snapshot.Max)} | | {Mb(snapshot.MedianAllocated)} | reported separately | | | |")
                : $"| `SnapshotBuilder.Build` | failed: {Escape(snapshot.Failure)} | | | | | | | |");
        }
        md.AppendLine();
    }

    private void Row(StringBuilder md, string label, LoadCase subject, string baselineLabel, LoadCase baseline, double? target)
    {
        if (!Timings.TryGetValue(subject, out var s) || !Timings.TryGetValue(baseline, out var b)) return;
        if (!s.Succeeded || !b.Succeeded)
        {
            md.AppendLine($"| {label} | failed: {Escape(s.Failure ?? b.Failure)} | | | | {baselineLabel} | | | |");
            return;
        }
        var ratio = s.Median.TotalSeconds / b.Median.TotalSeconds;
        var verdict = target is { } t ? string.Create(CultureInfo.InvariantCulture, $"≤ {t:0.0#}× — {(ratio <= t ? "met" : "**missed**")}") : "";
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| {label} | {Time(s.Median)} | {Time(s.Min)} – {Time(s.Max)} | {s.MegabytesPerSecond:N1} | {Mb(s.MedianAllocated)} | {baselineLabel} | {Time(b.Median)} | {ratio:N2}× | {verdict} |");
    }

    private void MemoryTable(StringBuilder md)
    {
        md.AppendLine("Peak memory, each case alone in a fresh process (`Process.PeakWorkingSet64`, i.e. VmHWM):");
        md.AppendLine();
        md.AppendLine("| case | objects | peak working set | working set with only the input read | allocated | managed bytes live with the result | target |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var m in Memory)
        {
            if (m.Failure is not null)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {m.Case} | {m.Objects:N0} | failed: {Escape(m.Failure)} | | | | |");
                continue;
            }
            var target = m.Case is nameof(LoadCase.VerityYaml) or nameof(LoadCase.VerityJson) or nameof(LoadCase.VerityStream) or nameof(LoadCase.Snapshot)
                ? string.Create(CultureInfo.InvariantCulture, $"< {MemoryTarget / 1e9:0.0} GB — {(m.PeakWorkingSet < MemoryTarget ? "met" : "**missed**")}")
                : "";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {Describe(m.Case)} | {m.Objects:N0} | {Mb(m.PeakWorkingSet)} | {Mb(m.InputWorkingSet)} | {Mb(m.AllocatedBytes)} | {Mb(m.LiveManagedBytes)} | {target} |");
        }
        md.AppendLine();
        md.AppendLine("\"managed bytes live\" is `GC.GetTotalMemory(true)` with the result held: it counts whole rented arrays, including pages never touched, so it can exceed the working set.");
        md.AppendLine();
    }

    private static string Describe(string c) => c switch
    {
        nameof(LoadCase.InputOnly) => "input only (YAML List read, nothing done)",
        nameof(LoadCase.YamlFloor) => "YamlDotNet `Parser` floor (YAML List)",
        nameof(LoadCase.VerityYaml) => "Verity YAML load (List)",
        nameof(LoadCase.JsonFloor) => "`JsonDocument.Parse` floor (JSON List)",
        nameof(LoadCase.VerityJson) => "Verity JSON load (List)",
        nameof(LoadCase.StreamFloor) => "YamlDotNet `Parser` floor (stream)",
        nameof(LoadCase.VerityStream) => "Verity YAML load (stream)",
        nameof(LoadCase.PeerStream) => "peer `KubernetesYaml.LoadAllFromString` (stream)",
        nameof(LoadCase.Snapshot) => "Verity YAML load + `SnapshotBuilder.Build`",
        _ => c,
    };

    private static string Ratio(CaseTiming a, CaseTiming b) =>
        string.Create(CultureInfo.InvariantCulture, $"{a.Median.TotalSeconds / b.Median.TotalSeconds:N2}×");

    public static string Time(TimeSpan t) => t.TotalSeconds >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:N2} s")
        : string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:N0} ms");

    public static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:N0} MB");

    private static string Escape(string? text) => (text ?? "").Replace("|", "\\|").Replace("\n", " ");

    private static string Cpu()
    {
        try
        {
            var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return model is null ? "unknown CPU" : model[(model.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }
}
