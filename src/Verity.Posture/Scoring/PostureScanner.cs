using Verity.Core.Model;
using Verity.Core.Snapshots;
using Verity.Posture.Isolation;
using Verity.Posture.Rbac;

namespace Verity.Posture.Scoring;

/// <summary>Runs checks over a snapshot and scores the result. Pure: same snapshot, same scorecard.</summary>
public static class PostureScanner
{
    /// <summary>Runs <paramref name="checks"/> (default: every check of <see cref="CheckRegistry"/>).</summary>
    public static Scorecard Scan(Snapshot snapshot, IReadOnlyList<IPostureCheck>? checks = null)
    {
        checks ??= CheckRegistry.All;
        var findings = new List<Finding>();
        var overall = new ScoreTally();
        var byNamespace = new SortedDictionary<string, (ScoreTally Tally, int Checked, int Failed, int Findings)>(StringComparer.Ordinal);
        int evaluated = 0, failed = 0;

        foreach (var check in checks)
        {
            var found = check.Evaluate(snapshot).ToList();
            findings.AddRange(found);
            var perSubject = found.GroupBy(f => f.Subject).ToDictionary(g => g.Key, g => g.Count());
            var failing = perSubject.Keys;
            var subjects = check.Subjects(snapshot).Concat(failing).Distinct();
            var weight = SeverityWeights.Of(check.Severity);
            foreach (var subject in subjects)
            {
                var passed = !perSubject.ContainsKey(subject);
                overall = overall.Add(weight, passed);
                evaluated++;
                if (!passed) failed++;
                if (SubjectScope.NamespaceOf(subject) is { } ns)
                {
                    var entry = byNamespace.GetValueOrDefault(ns);
                    byNamespace[ns] = (entry.Tally.Add(weight, passed), entry.Checked + 1, entry.Failed + (passed ? 0 : 1),
                        entry.Findings + perSubject.GetValueOrDefault(subject));
                }
            }
        }

        return new Scorecard(
            overall.Score,
            evaluated,
            failed,
            byNamespace.Select(kv => new NamespaceScore(kv.Key, kv.Value.Tally.Score, kv.Value.Checked, kv.Value.Failed, kv.Value.Findings)).ToList(),
            Order(findings),
            checks)
        {
            Isolation = IsolationOf(snapshot),
            LeastPrivilege = RbacPosture.For(snapshot).Assessment.Scores,
        };
    }

    private static List<NamespaceIsolation> IsolationOf(Snapshot snapshot)
    {
        var analyzer = IsolationAnalyzer.For(snapshot);
        return snapshot.Namespaces.Select(n => analyzer.Summarize(n.Name)).ToList();
    }

    private static List<Finding> Order(IEnumerable<Finding> findings) =>
        findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Subject.Display, StringComparer.Ordinal)
            .ThenBy(f => f.Source?.File, StringComparer.Ordinal)
            .ThenBy(f => f.Source?.Line ?? 0)
            .ThenBy(f => f.Source?.Column ?? 0)
            .ToList();
}
