using Verity.Bench.Generation;

namespace Verity.Bench.Load;

/// <summary>The three renderings of one synthetic cluster, as bytes.</summary>
internal sealed record LoadInputs(int ObjectCount, byte[] YamlList, byte[] JsonList, byte[] YamlDocuments)
{
    public static LoadInputs Generate(SyntheticCluster cluster) => new(
        cluster.ObjectCount,
        cluster.ToBytes(ManifestFormat.YamlList),
        cluster.ToBytes(ManifestFormat.JsonList),
        cluster.ToBytes(ManifestFormat.YamlDocuments));

    /// <summary>Only the multi-document stream (what the peer reads); the other renderings are empty.</summary>
    public static LoadInputs StreamOnly(SyntheticCluster cluster) => new(cluster.ObjectCount, [], [], cluster.ToBytes(ManifestFormat.YamlDocuments));

    public byte[] For(LoadCase c) => c switch
    {
        LoadCase.JsonFloor or LoadCase.VerityJson => JsonList,
        LoadCase.StreamFloor or LoadCase.VerityStream or LoadCase.PeerStream => YamlDocuments,
        _ => YamlList,
    };

    public static ManifestFormat FormatOf(LoadCase c) => c switch
    {
        LoadCase.JsonFloor or LoadCase.VerityJson => ManifestFormat.JsonList,
        LoadCase.StreamFloor or LoadCase.VerityStream or LoadCase.PeerStream => ManifestFormat.YamlDocuments,
        _ => ManifestFormat.YamlList,
    };
}
