namespace Verity.Network.Generation;

/// <summary>
/// A NetworkPolicy the generator produced. <see cref="PodSelector"/> empty selects every pod of the namespace.
/// <see cref="Flows"/> are the observed connections it allows (written as a YAML comment above it).
/// </summary>
public sealed record GeneratedPolicy
{
    public required string Name { get; init; }
    public required string Namespace { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> PodSelector { get; init; } = [];
    public IReadOnlyList<string> PolicyTypes { get; init; } = [];
    public IReadOnlyList<GeneratedRule> Ingress { get; init; } = [];
    public IReadOnlyList<GeneratedRule> Egress { get; init; } = [];
    public IReadOnlyList<string> Flows { get; init; } = [];
    public string? Note { get; init; }
}
