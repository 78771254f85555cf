using Verity.Core.Model;

namespace Verity.Core.Snapshots;

/// <summary>
/// A namespace of the snapshot: declared by a Namespace object, or only implied by objects that live in
/// it (<see cref="Object"/> is null). Labels always include <c>kubernetes.io/metadata.name</c>, which the
/// API server sets on every namespace (KEP-2161) and NetworkPolicies select on.
/// </summary>
public sealed record NamespaceInfo(string Name, IReadOnlyDictionary<string, string> Labels, KubeObject? Object)
{
    public const string NameLabel = "kubernetes.io/metadata.name";

    public bool IsImplied => Object is null;
}
