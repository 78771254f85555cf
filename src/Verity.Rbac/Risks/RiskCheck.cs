namespace Verity.Rbac.Risks;

/// <summary>
/// How one catalog entry is decided: it holds when some alternative holds; an alternative holds when
/// each of its requirements does; a requirement holds when any of its probes is allowed.
/// </summary>
internal sealed record RiskCheck(string Id, IReadOnlyList<IReadOnlyList<IReadOnlyList<Probe>>> Alternatives)
{
    /// <summary>True when every probe is cluster-scoped: only ClusterRoleBindings can grant it.</summary>
    public bool ClusterOnly => Alternatives.All(a => a.All(r => r.All(p => p.Scope == ProbeScope.Cluster)));
}
