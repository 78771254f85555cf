using Verity.Rbac.Authorization;
using Verity.Rbac.Model;
using Verity.Rbac.Risks;
using Verity.Rbac.Scoring;
using static Verity.Rbac.Tests.TestRbac;

namespace Verity.Rbac.Tests.Scoring;

public sealed class LeastPrivilegeScorerTests
{
    private static LeastPrivilegeScores Score(string yaml)
    {
        var model = Compile(yaml, allowDiagnostics: true);
        return LeastPrivilegeScorer.Score(model, RiskAnalyzer.Analyze(model, new Authorizer(model)));
    }

    private static IReadOnlyList<string> Accounts(LeastPrivilegeScores s) =>
        s.Accounts.Select(a => $"{a.Account.Namespace}/{a.Account.Name} {a.Score} [{string.Join(" ", a.Findings)}]").ToList();

    [Fact]
    public void NothingRiskyScoresAHundred()
    {
        var scores = Score(ServiceAccount("dev", "a") + Role("dev", "r", "{apiGroups: [\"\"], resources: [configmaps], verbs: [get]}")
            + RoleBinding("dev", "b", "Role", "r", Sa("a")));
        Assert.Equal(["dev/a 100 []"], Accounts(scores));
        Assert.Equal(100, scores.Cluster);
    }

    [Fact]
    public void EachDistinctFindingSubtractsItsSeverityWeight()
    {
        // high read-secrets (20) + high pod-exec (20) + medium modify-namespace (8) + low modify-rbac (2) = 50.
        var yaml = ServiceAccount("dev", "a") + Role("dev", "r",
                "{apiGroups: [\"\"], resources: [secrets], verbs: [list]}", "{apiGroups: [\"\"], resources: [pods/exec], verbs: [create]}",
                "{apiGroups: [\"\"], resources: [namespaces], verbs: [patch]}", "{apiGroups: [rbac.authorization.k8s.io], resources: [roles], verbs: [create]}")
            + RoleBinding("dev", "b", "Role", "r", Sa("a")) + RoleBinding("dev", "b2", "Role", "r", Sa("a"));
        Assert.Equal(["dev/a 50 [read-secrets@namespace:dev pod-exec@namespace:dev modify-namespace@namespace:dev modify-rbac@namespace:dev]"],
            Accounts(Score(yaml)));
    }

    [Fact]
    public void TheSameRiskInTwoNamespacesCountsTwiceAndTheScoreStopsAtZero()
    {
        var yaml = ServiceAccount("dev", "a") + ClusterRole("c", "{apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"*\"]}")
            + string.Concat(Enumerable.Range(1, 6).Select(i => RoleBinding($"ns{i}", "b", "ClusterRole", "c", Sa("a", "dev"))));
        var account = Assert.Single(Score(yaml).Accounts);
        Assert.Equal((0, 6), (account.Score, account.Findings.Count));
    }

    [Fact]
    public void NamespacesAverageTheirAccountsAndTheClusterAveragesAll()
    {
        var yaml = ServiceAccount("dev", "a") + ServiceAccount("dev", "b") + ServiceAccount("prod", "c")
            + ClusterRole("all", "{apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"*\"]}") + ClusterRoleBinding("x", "all", Sa("a", "dev"))
            + ClusterRole("pv", "{apiGroups: [\"\"], resources: [persistentvolumes], verbs: [create]}") + ClusterRoleBinding("y", "pv", Sa("c", "prod"));
        var scores = Score(yaml);
        Assert.Equal(["dev/a 60 [cluster-admin@cluster]", "dev/b 100 []", "prod/c 80 [create-pv@cluster]"], Accounts(scores));
        Assert.Equal([("dev", 80.0, 2, 60), ("prod", 80.0, 1, 80)], scores.Namespaces.Select(n => (n.Namespace, n.Score, n.Accounts, n.Lowest)));
        Assert.Equal(80.0, scores.Cluster);
        Assert.Equal(Subject.ServiceAccount("dev", "a"), scores.Lowest!.Account);
    }

    [Fact]
    public void UsersAndGroupsAreNotScored()
    {
        var scores = Score(ClusterRole("all", "{apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"*\"]}") + ClusterRoleBinding("x", "all", Alice));
        Assert.Empty(scores.Accounts);
        Assert.Equal(100, scores.Cluster);
        Assert.Null(scores.Lowest);
    }

    [Theory]
    [InlineData(RiskSeverity.Critical, 40)]
    [InlineData(RiskSeverity.High, 20)]
    [InlineData(RiskSeverity.Medium, 8)]
    [InlineData(RiskSeverity.Low, 2)]
    public void Weights(string severity, int weight) => Assert.Equal(weight, LeastPrivilegeScorer.Weight(severity));
}
