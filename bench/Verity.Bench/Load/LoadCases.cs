using System.Text;
using System.Text.Json;
using k8s;
using Verity.Core.Loading;
using Verity.Core.Model;
using Verity.Core.Snapshots;
using YamlDotNet.Core;

namespace Verity.Bench.Load;

/// <summary>
/// The operations the load benchmark times. Every case starts from the same bytes a file read gives; each
/// returns what it built so that it stays alive until measured. Each checks that it did its whole job (the
/// object count), so a loader that silently dropped objects could not look fast.
/// </summary>
internal static class LoadCases
{
    public static object Run(LoadCase c, byte[] bytes, int expectedObjects, IReadOnlyList<KubeObject>? loaded = null) => c switch
    {
        LoadCase.YamlFloor or LoadCase.StreamFloor => ParseEvents(bytes),
        LoadCase.VerityYaml => Verity(bytes, "cluster.yaml", expectedObjects),
        LoadCase.VerityStream => Verity(bytes, "cluster-stream.yaml", expectedObjects),
        LoadCase.VerityJson => Verity(bytes, "cluster.json", expectedObjects),
        LoadCase.JsonFloor => JsonDocument.Parse(bytes.AsMemory()),
        LoadCase.PeerStream => Peer(bytes, expectedObjects),
        LoadCase.Snapshot => Snapshot(loaded ?? Verity(bytes, "cluster.yaml", expectedObjects).Objects, expectedObjects),
        LoadCase.InputOnly => bytes,
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, null),
    };

    /// <summary>The floor: decode and scan every YAML event, building nothing.</summary>
    private static long ParseEvents(byte[] bytes)
    {
        using var reader = new StringReader(Encoding.UTF8.GetString(bytes));
        var parser = new Parser(reader);
        long events = 0;
        while (parser.MoveNext()) events++;
        return events;
    }

    private static LoadResult Verity(byte[] bytes, string file, int expectedObjects)
    {
        var result = ManifestParser.Parse(bytes, file);
        if (result.Objects.Count != expectedObjects || result.Diagnostics.Count != 0)
        {
            throw new InvalidOperationException(
                $"Verity loaded {result.Objects.Count} of {expectedObjects} objects from {file} with {result.Diagnostics.Count} diagnostics; first: {result.Diagnostics.FirstOrDefault()}");
        }
        return result;
    }

    private static List<object> Peer(byte[] bytes, int expectedObjects)
    {
        var objects = KubernetesYaml.LoadAllFromString(Encoding.UTF8.GetString(bytes));
        if (objects.Count != expectedObjects)
            throw new InvalidOperationException($"KubernetesYaml loaded {objects.Count} of {expectedObjects} objects");
        return objects;
    }

    private static Snapshot Snapshot(IReadOnlyList<KubeObject> objects, int expectedObjects)
    {
        var snapshot = SnapshotBuilder.Build(objects);
        if (snapshot.Objects.Count != expectedObjects || snapshot.Diagnostics.Count != 0)
        {
            throw new InvalidOperationException(
                $"snapshot has {snapshot.Objects.Count} of {expectedObjects} objects and {snapshot.Diagnostics.Count} diagnostics; first: {snapshot.Diagnostics.FirstOrDefault()}");
        }
        return snapshot;
    }
}
