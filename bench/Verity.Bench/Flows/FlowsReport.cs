namespace Verity.Bench.Flows;

/// <summary>The flows benchmark as a Markdown table for docs/benchmarks.md.</summary>
internal static class FlowsReport
{
    public static string ToMarkdown(FlowsResult r)
    {
        var mb = r.Bytes / 1e6;
        var bare = Median(r.Bare);
        var ingest = Median(r.Ingest);
        var share = bare / ingest;
        return $"""
            Input: {r.Lines:N0} Hubble flow lines, {mb:N0} MB ({r.Bytes / (double)r.Lines:N0} bytes a line, {r.Replies:N0} replies), drawn from {r.Conversations:N0} conversations,
            against a snapshot of {r.Objects:N0} objects, {r.Pods:N0} pods in {r.Workloads:N0} workloads (loaded in {r.SnapshotLoad:N2} s, before the run).

            | measurement | median | runs | all runs | throughput |
            |---|---:|---:|---|---:|
            | baseline: bare `Utf8JsonReader` pass (lines split, every token read, {r.Tokens:N0} tokens) | {bare:N2} s | {r.Bare.Count} | {string.Join(", ", r.Bare.Select(s => s.ToString("N2")))} | {mb / bare:N0} MB/s |
            | **ingest**: `FlowReader.Read`, every flow record built | **{ingest:N2} s** | {r.Ingest.Count} | {string.Join(", ", r.Ingest.Select(s => s.ToString("N2")))} | **{mb / ingest:N0} MB/s = {share:P0} of the baseline** (target ≥ 50%: {(share >= 0.5 ? "met" : "missed")}) |

            | whole run (`netpol generate --egress` after load) | seconds |
            |---|---:|
            | network model (`NetworkModel.FromSnapshot`) | {r.Model:N2} |
            | read + map + aggregate the flows, streamed | {r.ReadAndAggregate:N2} |
            | generate ({r.Policies:N0} policies for {r.Connections:N0} observed connections) | {r.Generate:N2} |
            | proof ({r.Verified:N0} verified, {r.Denied} denied; {r.OverPermitted:N0} allowed of {r.Unobserved:N0} unobserved workload connections) | {r.Proof:N2} |
            | **total** (target < 15 s: {(r.Run < 15 ? "met" : "missed")}) | **{r.Run:N2}** |

            Peak working set: {r.PeakWorkingSet / 1e6:N0} MB.
            """;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
