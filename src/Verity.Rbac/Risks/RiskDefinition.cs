namespace Verity.Rbac.Risks;

/// <summary>
/// One entry of the risk catalog: a stable <see cref="Id"/>, its <see cref="Severity"/> (and the higher
/// <see cref="ClusterWideSeverity"/> when a ClusterRoleBinding grants it in every namespace), what it lets
/// an attacker do, how to fix it and the benchmark controls it maps to.
/// </summary>
public sealed record RiskDefinition
{
    public required string Id { get; init; }
    public required string Severity { get; init; }
    public string? ClusterWideSeverity { get; init; }
    public required string Summary { get; init; }
    public required string Remediation { get; init; }
    public IReadOnlyList<string> Controls { get; init; } = [];

    /// <summary>The severity of a finding in <paramref name="scope"/>.</summary>
    public string SeverityIn(string scope) => RiskScope.IsClusterWide(scope) && ClusterWideSeverity is { } wide ? wide : Severity;
}
