using Verity.Core.Model;
using Verity.Core.Snapshots;
using Verity.Posture.Isolation;
using Verity.Posture.Scoring;
using static Verity.Posture.Tests.Scoring.FakeCheck;

namespace Verity.Posture.Tests.Scoring;

public sealed class PostureScannerTests
{
    private static readonly Snapshot Empty = SnapshotBuilder.Build([]);
    private static readonly ResourceRef A1 = Deployment("a", "one"), A2 = Deployment("a", "two"), B1 = Deployment("b", "one");

    [Fact]
    public void Nothing_to_check_scores_100()
    {
        var card = PostureScanner.Scan(Empty, []);
        Assert.Equal((100, 0, 0), (card.Score, card.Checked, card.Failed));
        Assert.Empty(card.Namespaces);
    }

    [Fact]
    public void The_score_is_the_floored_share_of_passed_weight_over_check_subject_pairs()
    {
        // High (3) over 3 subjects, one failing: 6 of 9; Low (1) over 3 subjects, all passing: 3 of 3. 9/12 = 75.
        var card = PostureScanner.Scan(Empty,
        [
            new FakeCheck("VT-T-001", Severity.High, [A1, A2, B1], [A1]),
            new FakeCheck("VT-T-002", Severity.Low, [A1, A2, B1], []),
        ]);
        Assert.Equal((75, 6, 1), (card.Score, card.Checked, card.Failed));
    }

    [Fact]
    public void Flooring_keeps_100_for_a_perfect_result_only()
    {
        // 299 of 300 weight passes: 99.67 floors to 99.
        var subjects = Enumerable.Range(0, 300).Select(i => Deployment("a", $"w{i}")).ToList();
        var card = PostureScanner.Scan(Empty, [new FakeCheck("VT-T-001", Severity.Low, subjects, [subjects[0]])]);
        Assert.Equal(99, card.Score);
    }

    [Fact]
    public void Several_findings_on_one_subject_fail_one_pair()
    {
        var card = PostureScanner.Scan(Empty, [new FakeCheck("VT-T-001", Severity.Medium, [A1, A2], [A1], twice: true)]);
        Assert.Equal((50, 2, 1, 2), (card.Score, card.Checked, card.Failed, card.Findings.Count));
        Assert.Equal([new NamespaceScore("a", 50, 2, 1, 2)], card.Namespaces);
    }

    [Fact]
    public void Info_checks_report_without_moving_the_score()
    {
        var card = PostureScanner.Scan(Empty, [new FakeCheck("VT-T-001", Severity.Info, [A1], [A1])]);
        Assert.Equal((100, 1, 1, 1), (card.Score, card.Checked, card.Failed, card.Findings.Count));
    }

    [Fact]
    public void Namespaces_are_scored_over_their_own_subjects_and_a_Namespace_subject_counts_towards_itself()
    {
        var nsB = SubjectScope.Namespace("b");
        var clusterWide = new ResourceRef("rbac.authorization.k8s.io/v1", "ClusterRole", null, "admin");
        var card = PostureScanner.Scan(Empty,
        [
            new FakeCheck("VT-T-001", Severity.Medium, [A1, A2, B1], [A2]),
            new FakeCheck("VT-T-002", Severity.High, [nsB, clusterWide], [nsB, clusterWide]),
        ]);
        Assert.Equal(
            [new NamespaceScore("a", 50, 2, 1, 1), new NamespaceScore("b", 40, 2, 1, 1)],
            card.Namespaces);
        // Overall: medium 2+2(fail)+2 and high 3(fail)+3(fail): passed 4 of 12.
        Assert.Equal(33, card.Score);
    }

    [Fact]
    public void A_finding_on_a_subject_the_check_did_not_list_still_counts_as_a_failed_pair()
    {
        var card = PostureScanner.Scan(Empty, [new FakeCheck("VT-T-001", Severity.Low, [A1], [B1])]);
        Assert.Equal((50, 2, 1), (card.Score, card.Checked, card.Failed));
    }

    [Fact]
    public void Findings_are_ordered_by_severity_then_rule_then_resource()
    {
        var card = PostureScanner.Scan(Empty,
        [
            new FakeCheck("VT-T-002", Severity.Low, [B1, A1], [B1, A1]),
            new FakeCheck("VT-T-001", Severity.Low, [B1], [B1]),
            new FakeCheck("VT-T-003", Severity.Critical, [A2], [A2]),
        ]);
        Assert.Equal(
            ["VT-T-003 a/Deployment/two", "VT-T-001 b/Deployment/one", "VT-T-002 a/Deployment/one", "VT-T-002 b/Deployment/one"],
            card.Findings.Select(f => $"{f.RuleId} {f.Subject.Display}"));
    }

    [Fact]
    public void The_scorecard_reports_the_isolation_of_every_namespace_whatever_checks_ran()
    {
        var snapshot = TestSnapshots.From(NetworkYaml.Join(
            NetworkYaml.App("web"), NetworkYaml.App("db"), NetworkYaml.DenyAll("shop", "[Ingress]"),
            NetworkYaml.App("gateway", ns: "edge"), NetworkYaml.Namespace("empty")));
        var card = PostureScanner.Scan(snapshot, []);
        Assert.Equal(
        [
            new NamespaceIsolation("edge", new IsolationShare(0, 1), new IsolationShare(0, 1), false),
            new NamespaceIsolation("empty", new IsolationShare(0, 0), new IsolationShare(0, 0), false),
            new NamespaceIsolation("shop", new IsolationShare(2, 2), new IsolationShare(0, 2), false),
        ], card.Isolation);
        Assert.Equal(new IsolationShare(2, 2), card.IsolationOf("shop")!.Ingress);
        Assert.Null(card.IsolationOf("missing"));
    }

    [Theory]
    [InlineData(Severity.Info, 0)]
    [InlineData(Severity.Low, 1)]
    [InlineData(Severity.Medium, 2)]
    [InlineData(Severity.High, 3)]
    [InlineData(Severity.Critical, 4)]
    public void Weights_follow_severity(Severity severity, int weight) => Assert.Equal(weight, SeverityWeights.Of(severity));
}
