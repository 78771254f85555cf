using System.Diagnostics;
using Verity.Bench.Generation;
using Verity.Bench.Load;
using Verity.Core.Loading;

namespace Verity.Bench.Commands;

/// <summary>
/// <c>load [--objects 50000] [--iterations 5] [--peer-iterations 2] [--snapshot-iterations 1]
/// [--only loaders,stream,peer,snapshot,memory] [--report FILE] [--seed S]</c>: times Verity's loader against the floors of
/// the same run (YamlDotNet's parser, <c>JsonDocument.Parse</c>) and against the peer
/// (<c>KubernetesYaml.LoadAllFromString</c>), times <c>SnapshotBuilder.Build</c>, then measures each case's
/// peak memory in a fresh process.
/// </summary>
internal static class LoadCommand
{
    /// <summary>The kubectl List dumps: each Verity load right after its floor, round by round.</summary>
    private static readonly LoadCase[] ListCases = [LoadCase.YamlFloor, LoadCase.VerityYaml, LoadCase.JsonFloor, LoadCase.VerityJson];

    /// <summary>The multi-document stream (the peer's input) against its own floor.</summary>
    private static readonly LoadCase[] StreamCases = [LoadCase.StreamFloor, LoadCase.VerityStream];

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromMinutes(6);

    /// <summary>Smallest size the peer is tried at (and warmed up with).</summary>
    private const int SmallestPeerSize = 100;

    /// <summary>Size of the cluster the loaders are warmed up on.</summary>
    private const int WarmupSize = 2_000;

    /// <summary>Runs per case when the peer is measured on a small input, where single runs are noisy.</summary>
    private const int SmallInputIterations = 15;

    public static int Run(Arguments args)
    {
        var objects = args.Int("objects") ?? 50_000;
        var iterations = Math.Max(1, args.Int("iterations") ?? 5);
        var peerIterations = args.Int("peer-iterations") ?? 2;
        var snapshotIterations = args.Int("snapshot-iterations") ?? 1;
        var phases = (args.String("only") ?? "loaders,stream,peer,snapshot,memory").Split(',', StringSplitOptions.TrimEntries).ToHashSet();
        var reportPath = args.String("report");
        var shape = ClusterShape.ForObjectCount(objects, args.Int("seed"));
        args.EnsureAllRead();
        if (phases.Except(["loaders", "stream", "peer", "snapshot", "memory"]).FirstOrDefault() is { } unknown)
            throw new UsageException($"--only takes loaders, stream, peer, snapshot and memory, comma-separated; found \"{unknown}\"");

        var report = new LoadReport(shape.ObjectCount, shape.Seed, iterations, snapshotIterations);
        var clock = Stopwatch.StartNew();
        var inputs = LoadInputs.Generate(new SyntheticCluster(shape));
        report.GenerationTime = clock.Elapsed;
        report.YamlBytes = inputs.YamlList.LongLength;
        report.JsonBytes = inputs.JsonList.LongLength;
        report.StreamBytes = inputs.YamlDocuments.LongLength;
        Log($"generated {inputs.ObjectCount:N0} objects: YAML {LoadReport.Mb(report.YamlBytes)}, JSON {LoadReport.Mb(report.JsonBytes)}, stream {LoadReport.Mb(report.StreamBytes)} in {clock.Elapsed.TotalSeconds:N1} s");

        var peerSize = shape.ObjectCount;
        if (phases.Contains("loaders")) TimeLoaders(inputs, shape, iterations, ListCases, report);
        if (phases.Contains("stream")) TimeLoaders(inputs, shape, iterations, StreamCases, report);
        if (phases.Contains("peer")) peerSize = TimePeer(inputs, shape, peerIterations, report);
        else if (phases.Contains("memory") && TryPeer(inputs) is not null) peerSize = LargestPeerSize(inputs, shape, out _);
        if (phases.Contains("snapshot")) TimeSnapshot(inputs, shape, snapshotIterations, report);
        if (phases.Contains("memory")) ProbeMemory(inputs, shape, peerSize, report);

        var markdown = report.ToMarkdown();
        Console.WriteLine(markdown);
        if (reportPath is not null) File.WriteAllText(reportPath, markdown);
        return 0;
    }

    private static void TimeLoaders(LoadInputs inputs, ClusterShape shape, int iterations, LoadCase[] cases, LoadReport report)
    {
        // Warm up (JIT, tiering, caches) on a small cluster: a full-size warm-up run would double the run time.
        var small = Inputs(WarmupSize, shape);
        foreach (var c in cases)
        {
            var timing = report.Timings[c] = new CaseTiming(c, inputs.ObjectCount, inputs.For(c).LongLength);
            try
            {
                for (var i = 0; i < 5; i++) LoadCases.Run(c, small.For(c), small.ObjectCount);
            }
            catch (Exception e)
            {
                timing.Failure = $"{e.GetType().Name}: {e.Message}";
                Log($"{c} failed: {timing.Failure}");
            }
        }
        for (var round = 1; round <= iterations; round++)
        {
            foreach (var c in cases)
            {
                var timing = report.Timings[c];
                if (timing.Failure is not null) continue;
                try
                {
                    timing.Samples.Add(RunTimer.Measure(() => LoadCases.Run(c, inputs.For(c), inputs.ObjectCount)));
                }
                catch (Exception e)
                {
                    timing.Failure = $"{e.GetType().Name}: {e.Message}";
                    Log($"{c} failed: {timing.Failure}");
                }
            }
            Log($"round {round}/{iterations}: " + string.Join(", ", cases.Select(c => $"{c} {LoadReport.Time(report.Timings[c].Samples.LastOrDefault()?.Elapsed ?? default)}")));
        }
    }

    /// <summary>
    /// Times the peer at the requested size; if it cannot load that, finds the largest size it can (halving,
    /// then bisecting to within 2%) and times it and Verity there. Returns the size measured, -1 for none.
    /// </summary>
    private static int TimePeer(LoadInputs inputs, ClusterShape shape, int iterations, LoadReport report)
    {
        if (iterations == 0) return inputs.ObjectCount;
        // Warm the peer's reflection caches and JIT on a small input first.
        var tiny = PeerInputs(SmallestPeerSize, shape);
        if (TryPeer(tiny) is { } tinyFailure)
        {
            report.PeerTimings.Add(new CaseTiming(LoadCase.PeerStream, tiny.ObjectCount, tiny.YamlDocuments.LongLength) { Failure = tinyFailure });
            return -1;
        }
        var full = new CaseTiming(LoadCase.PeerStream, inputs.ObjectCount, inputs.YamlDocuments.LongLength);
        report.PeerTimings.Add(full);
        if (TryPeer(inputs) is not { } fullFailure)
        {
            for (var i = 0; i < iterations; i++)
            {
                full.Samples.Add(RunTimer.Measure(() => LoadCases.Run(LoadCase.PeerStream, inputs.YamlDocuments, inputs.ObjectCount)));
                Log($"peer at {inputs.ObjectCount:N0} objects: {LoadReport.Time(full.Samples[^1].Elapsed)}");
            }
            return inputs.ObjectCount;
        }
        full.Failure = fullFailure;

        var works = LargestPeerSize(inputs, shape, out var fails);
        report.Notes.Add($"`KubernetesYaml.LoadAllFromString` cannot load the {inputs.ObjectCount:N0}-object stream: {fullFailure.TrimEnd('.')}. " +
            $"The largest synthetic cluster it loads has {works:N0} objects ({fails:N0} fail).");
        var largest = PeerInputs(works, shape);
        var peer = new CaseTiming(LoadCase.PeerStream, largest.ObjectCount, largest.YamlDocuments.LongLength);
        var verity = new CaseTiming(LoadCase.VerityStream, largest.ObjectCount, largest.YamlDocuments.LongLength);
        for (var i = 0; i < Math.Max(iterations, SmallInputIterations); i++)
        {
            peer.Samples.Add(RunTimer.Measure(() => LoadCases.Run(LoadCase.PeerStream, largest.YamlDocuments, largest.ObjectCount)));
            verity.Samples.Add(RunTimer.Measure(() => LoadCases.Run(LoadCase.VerityStream, largest.YamlDocuments, largest.ObjectCount)));
        }
        report.PeerTimings.Add(peer);
        report.PeerTimings.Add(verity);
        Log($"peer at {largest.ObjectCount:N0} objects: {LoadReport.Time(peer.Median)}, Verity {LoadReport.Time(verity.Median)}");
        return largest.ObjectCount;
    }

    /// <summary>
    /// The largest cluster size the peer loads, below <paramref name="inputs"/>' size (which it fails on):
    /// halve until it works, then bisect between the last failure and success to within 2%.
    /// </summary>
    private static int LargestPeerSize(LoadInputs inputs, ClusterShape shape, out int fails)
    {
        var works = SmallestPeerSize;
        fails = inputs.ObjectCount;
        for (var n = fails / 2; n > works; n /= 2)
        {
            if (TryPeer(PeerInputs(n, shape)) is null) { works = n; break; }
            fails = n;
        }
        while (fails - works > Math.Max(10, works / 50))
        {
            var mid = (works + fails) / 2;
            if (TryPeer(PeerInputs(mid, shape)) is null) works = mid;
            else fails = mid;
        }
        return works;
    }

    /// <summary>Null when the peer loads the stream, else why not.</summary>
    private static string? TryPeer(LoadInputs inputs)
    {
        try
        {
            LoadCases.Run(LoadCase.PeerStream, inputs.YamlDocuments, inputs.ObjectCount);
            return null;
        }
        catch (Exception e)
        {
            var message = $"{e.GetType().Name}: {e.Message}";
            Log($"peer failed at {inputs.ObjectCount:N0} objects: {message}");
            return message;
        }
    }

    private static LoadInputs Inputs(int objects, ClusterShape shape) =>
        LoadInputs.Generate(SyntheticCluster.WithObjectCount(objects, shape.Seed));

    private static LoadInputs PeerInputs(int objects, ClusterShape shape) =>
        LoadInputs.StreamOnly(SyntheticCluster.WithObjectCount(objects, shape.Seed));

    private static void TimeSnapshot(LoadInputs inputs, ClusterShape shape, int iterations, LoadReport report)
    {
        if (iterations == 0) return;
        var timing = report.Timings[LoadCase.Snapshot] = new CaseTiming(LoadCase.Snapshot, inputs.ObjectCount, 0);
        try
        {
            var small = Inputs(WarmupSize, shape);
            LoadCases.Run(LoadCase.Snapshot, small.YamlList, small.ObjectCount);
            var loaded = ManifestParser.Parse(inputs.YamlList, "cluster.yaml").Objects;
            for (var i = 0; i < iterations; i++)
            {
                timing.Samples.Add(RunTimer.Measure(() => LoadCases.Run(LoadCase.Snapshot, inputs.YamlList, inputs.ObjectCount, loaded)));
                Log($"snapshot build {i + 1}/{iterations}: {LoadReport.Time(timing.Samples[^1].Elapsed)}");
            }
        }
        catch (Exception e)
        {
            timing.Failure = $"{e.GetType().Name}: {e.Message}";
            Log($"snapshot failed: {timing.Failure}");
        }
    }

    private static void ProbeMemory(LoadInputs inputs, ClusterShape shape, int peerSize, LoadReport report)
    {
        var directory = Directory.CreateTempSubdirectory("verity-bench-");
        try
        {
            var files = new Dictionary<ManifestFormat, string>
            {
                [ManifestFormat.YamlList] = Write(directory, "cluster.yaml", inputs.YamlList),
                [ManifestFormat.JsonList] = Write(directory, "cluster.json", inputs.JsonList),
                [ManifestFormat.YamlDocuments] = Write(directory, "cluster-stream.yaml", inputs.YamlDocuments),
            };
            LoadCase[] cases = [LoadCase.InputOnly, LoadCase.YamlFloor, LoadCase.VerityYaml, LoadCase.JsonFloor, LoadCase.VerityJson, LoadCase.VerityStream, LoadCase.Snapshot];
            foreach (var c in cases)
                Probe(report, c, files[LoadInputs.FormatOf(c)], inputs.ObjectCount);
            if (peerSize == inputs.ObjectCount)
            {
                Probe(report, LoadCase.PeerStream, files[ManifestFormat.YamlDocuments], inputs.ObjectCount);
            }
            else if (peerSize > 0)
            {
                var smaller = new SyntheticCluster(ClusterShape.ForObjectCount(peerSize, shape.Seed));
                var file = Write(directory, "peer-stream.yaml", smaller.ToBytes(ManifestFormat.YamlDocuments));
                Probe(report, LoadCase.PeerStream, file, smaller.ObjectCount);
                Probe(report, LoadCase.VerityStream, file, smaller.ObjectCount);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static void Probe(LoadReport report, LoadCase c, string file, int objects)
    {
        var probe = ProbeCommand.Spawn(c, file, objects, ProbeTimeout);
        report.Memory.Add(probe);
        Log($"memory {c} ({objects:N0} objects): peak {LoadReport.Mb(probe.PeakWorkingSet)}{(probe.Failure is null ? "" : $" — {probe.Failure}")}");
    }

    private static string Write(DirectoryInfo directory, string name, byte[] bytes)
    {
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
