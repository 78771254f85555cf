using System.Diagnostics;
using Verity.Bench.Generation;
using Verity.Bench.Load;
using Verity.Core.Model;
using Verity.Core.Snapshots;
using Verity.Network.Evaluation;
using Verity.Network.Flows;
using Verity.Network.Generation;

namespace Verity.Bench.Flows;

/// <summary>
/// Issue 4's benchmark: a capture of <c>lines</c> Hubble flows against a cluster snapshot. Ingest is measured
/// against a bare <see cref="BareJsonPass"/> over the same file in the same run (alternating, after a full GC each);
/// then the whole <c>verity netpol generate --egress</c> pipeline after the snapshot is loaded: the network model,
/// reading and aggregating the flows (streamed, never held in a list), generating the policies and the engine proof.
/// Any diagnostic, a lost flow or a failed proof stops the run: a fast wrong answer is not a result.
/// </summary>
internal static class FlowsBenchmark
{
    public static FlowsResult Run(Snapshot snapshot, int objects, string capture, int lines, int conversations, int iterations, Action<string> log)
    {
        var result = new FlowsResult
        {
            Objects = objects, Pods = snapshot.Pods.Count, Workloads = snapshot.Workloads.Count,
            Lines = lines, Bytes = new FileInfo(capture).Length, Conversations = conversations,
        };
        for (var i = 0; i < iterations; i++)
        {
            var bare = RunTimer.Measure(() => result.Tokens = BareJsonPass.Run(capture));
            result.Bare.Add(bare.Elapsed.TotalSeconds);
            var ingest = RunTimer.Measure(() => (result.Flows, result.Replies) = Ingest(capture));
            result.Ingest.Add(ingest.Elapsed.TotalSeconds);
            log($"  bare Utf8JsonReader pass {bare.Elapsed.TotalSeconds:N2} s, ingest {ingest.Elapsed.TotalSeconds:N2} s ({result.Flows:N0} flows)");
        }
        if (result.Flows != lines) throw new InvalidOperationException($"read {result.Flows} flows of {lines}");

        RunTimer.Settle();
        var clock = Stopwatch.StartNew();
        var model = NetworkModel.FromSnapshot(snapshot);
        result.Model = Lap(clock);
        IReadOnlyList<ObservedConnection> connections;
        var diagnostics = new List<Diagnostic>();
        using (var stream = File.OpenRead(capture)) connections = new FlowMapper(model).Aggregate(FlowReader.Read(stream, capture, diagnostics));
        result.ReadAndAggregate = Lap(clock);
        var generated = PolicyGenerator.Generate(snapshot, connections, new GenerationOptions { Egress = true });
        result.Generate = Lap(clock);
        var proof = GenerationProof.Verify(model, connections, generated);
        result.Proof = Lap(clock);
        log($"  run: model {result.Model:N2} s, read+aggregate {result.ReadAndAggregate:N2} s, generate {result.Generate:N2} s, proof {result.Proof:N2} s");

        if (diagnostics.Count > 0) throw new InvalidOperationException($"{diagnostics.Count} flow diagnostics; first: {diagnostics[0]}");
        if (!proof.Passed) throw new InvalidOperationException($"the proof failed: {proof.Denied.Count} observed connections denied, {proof.Diagnostics.Count} diagnostics");
        result.Connections = connections.Count;
        result.Policies = generated.Namespaces.Sum(n => n.Policies.Count);
        result.Verified = proof.Verified;
        result.Denied = proof.Denied.Count;
        result.OverPermitted = proof.OverPermission.Sum(o => (long)o.Allowed);
        result.Unobserved = proof.OverPermission.Sum(o => (long)o.Unobserved);
        result.PeakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;
        return result;
    }

    private static (int Flows, int Replies) Ingest(string capture)
    {
        using var stream = new FileStream(capture, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var diagnostics = new List<Diagnostic>();
        int flows = 0, replies = 0;
        foreach (var flow in FlowReader.Read(stream, capture, diagnostics))
        {
            flows++;
            if (flow.IsReply) replies++;
        }
        if (diagnostics.Count > 0) throw new InvalidOperationException($"{diagnostics.Count} diagnostics; first: {diagnostics[0]}");
        return (flows, replies);
    }

    private static double Lap(Stopwatch clock)
    {
        var seconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return seconds;
    }
}
