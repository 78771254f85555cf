using Verity.Bench.Generation;
using Verity.Core.Loading;
using Verity.Core.Snapshots;

namespace Verity.Bench.Netpol;

/// <summary>
/// The two dumps of the network benchmark: the cluster and its "changed" revision (a few policies edited),
/// rendered as kubectl prints them, and how to load one the way <c>verity netpol -f</c> does
/// (<c>ManifestParser.Parse</c> + <c>SnapshotBuilder.Build</c>).
/// </summary>
internal sealed record NetpolInput(ClusterShape Shape, ManifestFormat Format, byte[] Before, byte[] After, int DistinctPorts)
{
    public static NetpolInput Generate(ClusterShape shape, int edits, ManifestFormat format)
    {
        var before = new SyntheticCluster(shape with { PolicyEdits = 0 });
        var after = new SyntheticCluster(shape with { PolicyEdits = edits });
        return new NetpolInput(shape, format, before.ToBytes(format), after.ToBytes(format), before.DistinctContainerPorts().Count);
    }

    /// <summary>Loads one dump into a snapshot; any diagnostic or a missing object is a failure (a loader that drops objects cannot look fast).</summary>
    public static Snapshot Load(byte[] bytes, int expectedObjects, List<TimeSpan>? parseTimes = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var loaded = ManifestParser.Parse(bytes, "cluster");
        parseTimes?.Add(clock.Elapsed);
        var snapshot = SnapshotBuilder.Build(loaded.Objects);
        if (loaded.Objects.Count != expectedObjects || loaded.Diagnostics.Count != 0 || snapshot.Diagnostics.Count != 0)
        {
            throw new InvalidOperationException(
                $"loaded {loaded.Objects.Count} of {expectedObjects} objects with {loaded.Diagnostics.Count + snapshot.Diagnostics.Count} diagnostics; first: " +
                $"{loaded.Diagnostics.Concat(snapshot.Diagnostics).FirstOrDefault()}");
        }
        return snapshot;
    }
}
