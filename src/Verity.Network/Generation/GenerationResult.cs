using Verity.Network.Flows;

namespace Verity.Network.Generation;

/// <summary>
/// What <see cref="PolicyGenerator"/> produced: policies per namespace (ordinal order), the observed connections
/// they are meant to allow (<see cref="Covered"/>) and those skipped, with the reason.
/// Connections neither end of which is restricted by the generated policies are in neither list.
/// </summary>
public sealed record GenerationResult(IReadOnlyList<NamespacePolicies> Namespaces, IReadOnlyList<ObservedConnection> Covered, IReadOnlyList<SkippedConnection> Skipped)
{
    /// <summary>Whether egress was restricted (the default-deny covers Egress).</summary>
    public bool Egress { get; init; }

    /// <summary>Every namespace's YAML, one multi-document stream.</summary>
    public string Yaml => string.Join("---\n", Namespaces.Select(n => n.Yaml));
}
