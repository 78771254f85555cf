namespace Verity.Bench.Generation;

/// <summary>How a synthetic cluster is written out.</summary>
public enum ManifestFormat
{
    /// <summary>What <c>kubectl get -A -o yaml</c> prints: one <c>kind: List</c> document with every object in <c>items</c>.</summary>
    YamlList,

    /// <summary>What <c>kubectl get -A -o json</c> prints: one <c>kind: List</c> object, 4-space indented.</summary>
    JsonList,

    /// <summary>The same objects as a multi-document YAML stream (<c>---</c> between objects), as manifests in Git are kept.</summary>
    YamlDocuments,
}
