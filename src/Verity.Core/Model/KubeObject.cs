using System.Text.Json;

namespace Verity.Core.Model;

/// <summary>
/// One Kubernetes object as loaded: the raw JSON tree (read-only), its identity and where it came from.
/// <para>
/// <see cref="Ref"/> carries the effective namespace: a namespaced object written without
/// <c>metadata.namespace</c> gets the default namespace (as kubectl does), and a cluster-scoped one
/// has none, whatever the document says. <see cref="Raw"/> is the document exactly as written.
/// </para>
/// </summary>
public sealed record KubeObject
{
    public required ResourceRef Ref { get; init; }
    public required JsonElement Raw { get; init; }
    public required SourceLocation Source { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyLabels;
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = EmptyLabels;
    public string? Uid { get; init; }
    public IReadOnlyList<OwnerReference> OwnerReferences { get; init; } = [];

    /// <summary>Maps a field path inside this object to its place in the source; null for live objects.</summary>
    internal ISourceLocator? Locator { get; init; }

    public string Kind => Ref.Kind;
    public string Name => Ref.Name;
    public string? Namespace => Ref.Namespace;

    /// <summary>The controlling owner (<c>controller: true</c>), if any.</summary>
    public OwnerReference? ControllerOwner => OwnerReferences.FirstOrDefault(o => o.Controller);

    /// <summary>The source location of a field (e.g. <c>spec.template.spec.containers[0].image</c>), or of the object when unknown.</summary>
    public SourceLocation LocationOf(IReadOnlyList<object> path) => Locator?.Locate(path) ?? Source;

    internal static readonly IReadOnlyDictionary<string, string> EmptyLabels = new Dictionary<string, string>();
}
