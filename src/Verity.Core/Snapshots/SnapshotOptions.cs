namespace Verity.Core.Snapshots;

/// <summary>How a snapshot is built from loaded objects.</summary>
public sealed record SnapshotOptions
{
    /// <summary>Namespace for namespaced objects written without one (kubectl's <c>-n</c>, else "default").</summary>
    public string DefaultNamespace { get; init; } = "default";
}
