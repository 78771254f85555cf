namespace Verity.Network.Generation;

/// <summary>The generated policies of one namespace, in apply order (default-deny first), and their YAML.</summary>
public sealed record NamespacePolicies(string Namespace, IReadOnlyList<GeneratedPolicy> Policies, string Yaml);
