using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Rbac.Authorization;
using Verity.Rbac.Model;
using Verity.Rbac.Paths;
using Verity.Rbac.Risks;
using Verity.Rbac.Scoring;

namespace Verity.Rbac.Tests.Paths;

/// <summary>examples/shop with its RBAC (examples/shop/rbac/rbac.yaml): the escalation path designed into it.</summary>
public sealed class ShopPathTests
{
    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));

    private static (Snapshot Snapshot, RbacModel Model, Authorizer Authorizer, IReadOnlyList<RiskFinding> Findings) Shop()
    {
        var loaded = ManifestReader.Read([Path.Combine(Repo(), "examples", "shop")]);
        Assert.Empty(loaded.Diagnostics);
        var snapshot = SnapshotBuilder.Build(loaded.Objects);
        Assert.Empty(snapshot.Diagnostics);
        var model = RbacModel.FromSnapshot(snapshot);
        Assert.Empty(model.Diagnostics);
        var authorizer = new Authorizer(model);
        return (snapshot, model, authorizer, RiskAnalyzer.Analyze(model, authorizer));
    }

    [Fact]
    public void FindingsAreTheTwoShortcutsAndTheOnCallExec()
    {
        var findings = Shop().Findings;
        Assert.Equal(
        [
            "high pod-exec Group payments-oncall namespace:payments names=[ledger-db-0]",
            "critical read-secrets ServiceAccount api/orders all-namespaces",
            "high create-workload ServiceAccount storefront/web namespace:api",
        ], findings.Select(f => f.ToString()));
        Assert.Equal(("ClusterRoleBinding orders-secret-reader", "ClusterRole shop:secret-reader"),
            (findings[1].Evidence[0].Binding, findings[1].Evidence[0].Role));
    }

    [Fact]
    public void TheInternetFacingFrontendReachesEverySecret()
    {
        var (snapshot, _, authorizer, findings) = Shop();
        var paths = PathFinder.FromWorkloads(EscalationGraph.Build(snapshot, authorizer, findings));
        Assert.Equal(
        [
            "Deployment api/orders --runs-as--> ServiceAccount api/orders --read-secrets--> goal read-all-secrets",
            "Deployment storefront/web --runs-as--> ServiceAccount storefront/web --create-workload--> ServiceAccount api/orders --read-secrets--> goal read-all-secrets",
        ], paths.Select(p => p.ToString()));
        var step = paths[1].Steps[1];
        Assert.Equal(("namespace:api", "RoleBinding api/web-restarts-api", "Role api/rollout-restarter"),
            (step.Scope, step.Evidence[0].Binding, step.Evidence[0].Role));
    }

    [Fact]
    public void OnCallExecReachesOnlyTheLedgerDatabase()
    {
        var (snapshot, _, authorizer, findings) = Shop();
        var graph = EscalationGraph.Build(snapshot, authorizer, findings);
        var oncall = EscalationNode.For(Subject.Group("payments-oncall"));
        var edge = Assert.Single(graph.OutOf(oncall));
        Assert.Equal(("pod-exec", "ServiceAccount payments/ledger-db"), (edge.Risk, edge.To.ToString()));
    }

    [Fact]
    public void ScoresPutTheTwoShortcutsOnTheirAccounts()
    {
        var (snapshot, model, _, findings) = Shop();
        var accounts = model.ServiceAccounts.Concat(snapshot.Workloads.Select(w => Subject.ServiceAccount(w.Namespace, w.ServiceAccountName)));
        var scores = LeastPrivilegeScorer.Score(model, findings, accounts);
        Assert.Equal(["api/catalog 100", "api/default 100", "api/orders 60", "payments/ledger-db 100", "payments/payments-api 100",
            "payments/settlement 100", "storefront/gateway 100", "storefront/web 80"],
            scores.Accounts.Select(a => $"{a.Account.Namespace}/{a.Account.Name} {a.Score}"));
        Assert.Equal(["api 86.7 3 60", "payments 100 3 100", "storefront 90 2 80"],
            scores.Namespaces.Select(n => FormattableString.Invariant($"{n.Namespace} {n.Score} {n.Accounts} {n.Lowest}")));
        Assert.Equal(92.5, scores.Cluster);
        Assert.Equal("orders", scores.Lowest!.Account.Name);
    }

    [Fact]
    public void AssessmentBundlesTheSameAnswers()
    {
        var (snapshot, _, _, findings) = Shop();
        var assessment = RbacAssessment.Assess(snapshot);
        Assert.Equal(findings.Select(f => f.ToString()), assessment.Findings.Select(f => f.ToString()));
        Assert.Equal(2, assessment.Paths.Count);
        Assert.Equal(92.5, assessment.Scores.Cluster);
        Assert.Equal(8, assessment.Scores.Accounts.Count);
    }
}
