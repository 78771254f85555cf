using Verity.Rbac.Model;
using Verity.Rbac.Risks;
using Verity.Rbac.Scoring;

namespace Verity.Cli.Rbac;

/// <summary>
/// What <c>verity rbac risks</c> reports. <see cref="Namespace"/> (<c>-n</c>) keeps the findings of service accounts of
/// that namespace, whatever their scope (a ClusterRoleBinding's grants included), and every finding whose scope is
/// <c>namespace:NS</c>, whatever its subject; of the scores, that namespace and its accounts (<c>cluster</c> stays the
/// whole input's mean). <see cref="Severity"/> (<c>--severity</c>) keeps findings of that severity or worse; scores
/// always count every finding.
/// </summary>
internal sealed record RisksSelection(string? Namespace, string? Severity)
{
    public IReadOnlyList<RiskFinding> Findings(IReadOnlyList<RiskFinding> all) =>
        all.Where(f => Namespace is null
                || (f.Subject.Kind == SubjectKind.ServiceAccount && f.Subject.Namespace == Namespace)
                || RiskScope.NamespaceOf(f.Scope) == Namespace)
            .Where(f => Severity is null || RiskSeverity.Rank(f.Severity) <= RiskSeverity.Rank(Severity))
            .ToList();

    public LeastPrivilegeScores Scores(LeastPrivilegeScores all)
    {
        if (Namespace is null) return all;
        var accounts = all.Accounts.Where(a => a.Account.Namespace == Namespace).ToList();
        return all with
        {
            Accounts = accounts,
            Namespaces = all.Namespaces.Where(n => n.Namespace == Namespace).ToList(),
            Lowest = accounts.OrderBy(a => a.Score).FirstOrDefault(),
        };
    }
}
