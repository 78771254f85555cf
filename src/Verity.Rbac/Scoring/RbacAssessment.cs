using Verity.Core.Snapshots;
using Verity.Rbac.Authorization;
using Verity.Rbac.Model;
using Verity.Rbac.Paths;
using Verity.Rbac.Risks;

namespace Verity.Rbac.Scoring;

/// <summary>
/// Everything the RBAC analysis says about one snapshot, computed once for a CLI command or a scorecard:
/// the compiled model and its authorizer, the risk findings, the escalation graph with the shortest path from
/// every workload to each goal, and the least-privilege scores of every service account — those of the
/// snapshot, those bindings name, and those workloads run as (<c>default</c> included).
/// </summary>
public sealed record RbacAssessment(
    RbacModel Model,
    Authorizer Authorizer,
    IReadOnlyList<RiskFinding> Findings,
    EscalationGraph Graph,
    IReadOnlyList<EscalationPath> Paths,
    LeastPrivilegeScores Scores)
{
    public static RbacAssessment Assess(Snapshot snapshot, RbacOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var model = RbacModel.FromSnapshot(snapshot, options);
        var authorizer = new Authorizer(model);
        var findings = RiskAnalyzer.Analyze(model, authorizer);
        var workloadAccounts = snapshot.Workloads.Select(w => Subject.ServiceAccount(w.Namespace, w.ServiceAccountName)).ToList();
        var extra = RiskAnalyzer.AnalyzeSubjects(model, workloadAccounts.Except(model.Subjects).ToList());
        var graph = EscalationGraph.Build(snapshot, authorizer, findings);
        var scores = LeastPrivilegeScorer.Score(model, [.. findings, .. extra],
            model.ServiceAccounts.Concat(model.Subjects).Concat(workloadAccounts));
        return new RbacAssessment(model, authorizer, findings, graph, PathFinder.FromWorkloads(graph), scores);
    }
}
