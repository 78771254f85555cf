namespace Verity.Bench.Generation;

/// <summary>One namespace of the synthetic cluster, before it is written out.</summary>
internal sealed record NamespacePlan(int Index, string Name, string Team, string Environment, bool IsSystem, DateTimeOffset Created)
{
    /// <summary>Pod Security Standards level enforced on the namespace (restricted in production, baseline elsewhere, privileged for kube-system).</summary>
    public string PodSecurityLevel => Name == "kube-system" ? "privileged" : Environment == "prod" ? "restricted" : "baseline";
}
