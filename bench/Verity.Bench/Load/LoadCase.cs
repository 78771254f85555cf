namespace Verity.Bench.Load;

/// <summary>One thing the load benchmark times: a Verity operation or the baseline it is compared with.</summary>
internal enum LoadCase
{
    /// <summary>Floor for YAML: UTF-8 decode + YamlDotNet <c>Parser.MoveNext</c> over every event of the kubectl List dump.</summary>
    YamlFloor,

    /// <summary><c>ManifestParser.Parse</c> on the bytes of the kubectl List dump (YAML).</summary>
    VerityYaml,

    /// <summary>Floor for JSON: <c>JsonDocument.Parse</c> on the bytes of the kubectl List dump (JSON).</summary>
    JsonFloor,

    /// <summary><c>ManifestParser.Parse</c> on the bytes of the kubectl List dump (JSON).</summary>
    VerityJson,

    /// <summary>Floor for the multi-document stream: UTF-8 decode + <c>Parser.MoveNext</c> over every event.</summary>
    StreamFloor,

    /// <summary><c>ManifestParser.Parse</c> on the multi-document YAML stream.</summary>
    VerityStream,

    /// <summary>The peer: UTF-8 decode + <c>k8s.KubernetesYaml.LoadAllFromString</c> on the multi-document stream.</summary>
    PeerStream,

    /// <summary><c>SnapshotBuilder.Build</c> on the objects loaded from the YAML dump (in a probe: load + build).</summary>
    Snapshot,

    /// <summary>Memory only: the process with the input bytes read and nothing done.</summary>
    InputOnly,
}
