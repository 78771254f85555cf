using Verity.Core.Snapshots;
using Verity.Rbac.Authorization;
using Verity.Rbac.Model;
using Verity.Rbac.Paths;
using Verity.Rbac.Risks;

namespace Verity.Rbac.Scoring;

/// <summary>
/// Everything the RBAC analysis says about one snapshot, computed once for a CLI command or a scorecard:
/// the compiled model and its authorizer, the risk findings, the least-privilege scores of every service account —
/// those of the snapshot, those bindings name, and those workloads run as (<c>default</c> included) — and, built on
/// first use because only <c>verity rbac paths</c> needs them, the escalation graph with the shortest path from every
/// workload to each goal.
/// </summary>
public sealed record RbacAssessment(RbacModel Model, Authorizer Authorizer, IReadOnlyList<RiskFinding> Findings, LeastPrivilegeScores Scores)
{
    private Snapshot? _snapshot;
    private EscalationGraph? _graph;
    private IReadOnlyList<EscalationPath>? _paths;

    /// <summary>
    /// The findings of the service accounts workloads run as that the model does not know (no binding names them and
    /// the snapshot does not declare them): they hold what their groups are granted. Scored, not in <see cref="Findings"/>.
    /// </summary>
    public IReadOnlyList<RiskFinding> WorkloadAccountFindings { get; init; } = [];

    public EscalationGraph Graph => _graph ??= EscalationGraph.Build(_snapshot!, Authorizer, Findings);

    public IReadOnlyList<EscalationPath> Paths => _paths ??= PathFinder.FromWorkloads(Graph);

    public static RbacAssessment Assess(Snapshot snapshot, RbacOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var model = RbacModel.FromSnapshot(snapshot, options);
        var authorizer = new Authorizer(model);
        var findings = RiskAnalyzer.Analyze(model, authorizer);
        var workloadAccounts = snapshot.Workloads.Select(w => Subject.ServiceAccount(w.Namespace, w.ServiceAccountName)).ToList();
        var extra = RiskAnalyzer.AnalyzeSubjects(model, workloadAccounts.Except(model.Subjects).ToList());
        var scores = LeastPrivilegeScorer.Score(model, [.. findings, .. extra],
            model.ServiceAccounts.Concat(model.Subjects).Concat(workloadAccounts));
        return new RbacAssessment(model, authorizer, findings, scores) { WorkloadAccountFindings = extra, _snapshot = snapshot };
    }
}
