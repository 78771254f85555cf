using Verity.Rbac.Model;

namespace Verity.Rbac.Risks;

/// <summary>
/// One risky capability one subject holds in one scope: <see cref="Risk"/> is a stable id of the
/// catalog (<see cref="RiskCatalog"/>, docs/rbac.md), decided on the subject's effective rules with the
/// authorizer's own matching (wildcards, aggregation and subresources exact). <see cref="Names"/> is
/// empty when the capability holds for every object, and lists the resourceNames it is limited to
/// otherwise. <see cref="Evidence"/> holds the grants (binding, role, rule) that give it.
/// </summary>
public sealed record RiskFinding
{
    public required string Risk { get; init; }
    public required Subject Subject { get; init; }

    /// <summary><see cref="RiskScope.Cluster"/>, <see cref="RiskScope.AllNamespaces"/> or <c>namespace:NS</c>.</summary>
    public required string Scope { get; init; }

    /// <summary>One of <see cref="RiskSeverity"/>: critical, high, medium, low.</summary>
    public required string Severity { get; init; }

    public IReadOnlyList<string> Names { get; init; } = [];
    public required IReadOnlyList<RiskEvidence> Evidence { get; init; }
    public required string Remediation { get; init; }

    /// <summary>Benchmark controls the finding maps to, e.g. <c>CIS 5.1.2</c>.</summary>
    public IReadOnlyList<string> Controls { get; init; } = [];

    /// <summary><c>high read-secrets ServiceAccount api/orders all-namespaces</c>.</summary>
    public override string ToString() =>
        $"{Severity} {Risk} {Subject} {Scope}" + (Names.Count > 0 ? $" names=[{string.Join(" ", Names)}]" : "");
}
