using Verity.Rbac.Model;
using Verity.Rbac.Risks;

namespace Verity.Rbac.Scoring;

/// <summary>
/// The least-privilege score (docs/rbac.md): a service account starts at 100 and loses, for each distinct
/// finding (risk and scope) it holds, <see cref="Weight"/> of the finding's severity — critical 40, high 20,
/// medium 8, low 2 — down to 0. Findings a service account holds through its groups count (they are its
/// permissions); subsumed findings are not listed by <see cref="RiskAnalyzer"/> and so do not count twice.
/// A namespace scores the mean of its service accounts, the cluster the mean of all of them. Pure.
/// </summary>
public static class LeastPrivilegeScorer
{
    public static int Weight(string severity) => severity switch
    {
        RiskSeverity.Critical => 40,
        RiskSeverity.High => 20,
        RiskSeverity.Medium => 8,
        _ => 2,
    };

    /// <summary>Scores <paramref name="accounts"/> (default: the model's ServiceAccounts and every service
    /// account a binding names) with their <paramref name="findings"/>.</summary>
    public static LeastPrivilegeScores Score(RbacModel model, IReadOnlyList<RiskFinding> findings, IEnumerable<Subject>? accounts = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(findings);
        var all = (accounts ?? model.ServiceAccounts.Concat(model.Subjects)).Where(s => s.Kind == SubjectKind.ServiceAccount).Distinct()
            .OrderBy(s => s.Namespace, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        var bySubject = findings.Where(f => f.Subject.Kind == SubjectKind.ServiceAccount).ToLookup(f => f.Subject);
        var scores = all.Select(a => ScoreOf(a, bySubject[a])).ToList();
        var namespaces = scores.GroupBy(s => s.Account.Namespace!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new NamespaceScore(g.Key, Mean(g.Select(s => s.Score)), g.Count(), g.Min(s => s.Score))).ToList();
        var lowest = scores.OrderBy(s => s.Score).FirstOrDefault();
        return new LeastPrivilegeScores(scores, namespaces, scores.Count == 0 ? 100 : Mean(scores.Select(s => s.Score)), lowest);
    }

    private static AccountScore ScoreOf(Subject account, IEnumerable<RiskFinding> findings)
    {
        var distinct = findings.GroupBy(f => (f.Risk, f.Scope)).Select(g => g.MinBy(f => RiskSeverity.Rank(f.Severity))!)
            .OrderBy(f => RiskSeverity.Rank(f.Severity)).ThenBy(f => RiskCatalog.IndexOf(f.Risk)).ThenBy(f => f.Scope, Comparer<string>.Create(RiskScope.Compare))
            .ToList();
        var score = Math.Max(0, 100 - distinct.Sum(f => Weight(f.Severity)));
        return new AccountScore(account, score, distinct.Select(f => $"{f.Risk}@{f.Scope}").ToList());
    }

    private static double Mean(IEnumerable<int> values) => Math.Round(values.Average(), 1, MidpointRounding.AwayFromZero);
}
