using Verity.Rbac.Risks;
using static Verity.Rbac.Tests.Risks.TestRisks;

namespace Verity.Rbac.Tests.Risks;

/// <summary>One case per catalog entry: the smallest grant that gives it, and exactly the findings expected
/// (so a neighbouring risk firing by accident fails the test).</summary>
public sealed class CatalogTests
{
    private const string Pods = "{apiGroups: [\"\"], resources: [pods], verbs: [create]}";

    [Theory]
    // In a namespace, through a RoleBinding.
    [InlineData("namespace-admin@namespace:dev", "{apiGroups: ['*'], resources: ['*'], verbs: ['*']}")]
    [InlineData("read-secrets@namespace:dev", "{apiGroups: [''], resources: [secrets], verbs: [list]}")]
    [InlineData("read-specific-secrets@namespace:dev", "{apiGroups: [''], resources: [secrets], resourceNames: [db], verbs: [get]}")]
    [InlineData("create-workload@namespace:dev", Pods)]
    [InlineData("create-workload@namespace:dev", "{apiGroups: [batch], resources: [cronjobs], verbs: [patch]}")]
    [InlineData("create-workload@namespace:dev", "{apiGroups: [''], resources: [replicationcontrollers], verbs: [update]}")]
    [InlineData("modify-pods@namespace:dev", "{apiGroups: [''], resources: [pods], verbs: [patch]}")]
    [InlineData("pod-exec@namespace:dev", "{apiGroups: [''], resources: [pods/attach], verbs: [create]}")]
    [InlineData("pod-exec-websocket-get@namespace:dev", "{apiGroups: [''], resources: [pods/portforward], verbs: [get]}")]
    [InlineData("ephemeral-containers@namespace:dev", "{apiGroups: [''], resources: [pods/ephemeralcontainers], verbs: [update]}")]
    [InlineData("escalate-roles@namespace:dev", "{apiGroups: [rbac.authorization.k8s.io], resources: [roles], verbs: [escalate, update]}")]
    [InlineData("bind-roles@namespace:dev", "{apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind]}",
        "{apiGroups: [rbac.authorization.k8s.io], resources: [rolebindings], verbs: [create]}")]
    [InlineData("modify-rbac@namespace:dev", "{apiGroups: [rbac.authorization.k8s.io], resources: [rolebindings], verbs: [create]}")]
    [InlineData("impersonate@namespace:dev", "{apiGroups: [''], resources: [serviceaccounts], verbs: [impersonate]}")]
    [InlineData("token-request@namespace:dev", "{apiGroups: [''], resources: [serviceaccounts/token], verbs: [create]}")]
    [InlineData("read-secrets@namespace:dev,issue-token-secret@namespace:dev", "{apiGroups: [''], resources: [secrets], verbs: [create, get]}")]
    [InlineData("modify-namespace@namespace:dev", "{apiGroups: [''], resources: [namespaces], verbs: [patch]}")]
    public void NamespacedGrant(string expected, params string[] rules) =>
        Assert.Equal(expected.Split(','), Analyze(InDev(Quote(rules))).Ids(Alice));

    [Theory]
    [InlineData("cluster-admin@cluster", "{apiGroups: ['*'], resources: ['*'], verbs: ['*']}")]
    [InlineData("read-secrets@all-namespaces", "{apiGroups: [''], resources: [secrets], verbs: [watch]}")]
    [InlineData("create-workload@all-namespaces", "{apiGroups: [apps], resources: [daemonsets], verbs: [create]}")]
    [InlineData("nodes-proxy@cluster", "{apiGroups: [''], resources: [nodes/proxy], verbs: [get]}")]
    [InlineData("modify-nodes@cluster", "{apiGroups: [''], resources: [nodes/status], verbs: [patch]}")]
    [InlineData("steal-pods@cluster", "{apiGroups: [''], resources: [nodes], verbs: [update]}", "{apiGroups: [''], resources: [pods/eviction], verbs: [create]}")]
    [InlineData("escalate-roles@cluster", "{apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [escalate, patch]}")]
    [InlineData("bind-roles@cluster", "{apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles, clusterrolebindings], verbs: [bind, create]}")]
    [InlineData("impersonate@cluster", "{apiGroups: [''], resources: [groups], verbs: [impersonate]}")]
    [InlineData("approve-csr@cluster", "{apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update]}",
        "{apiGroups: [certificates.k8s.io], resources: [signers], verbs: [approve]}")]
    [InlineData("control-webhooks@cluster", "{apiGroups: [admissionregistration.k8s.io], resources: [mutatingwebhookconfigurations], verbs: [create]}")]
    [InlineData("create-pv@cluster", "{apiGroups: [''], resources: [persistentvolumes], verbs: [create]}")]
    [InlineData("modify-namespace@cluster", "{apiGroups: [''], resources: [namespaces], verbs: [update]}")]
    public void ClusterWideGrant(string expected, params string[] rules) =>
        Assert.Equal(expected.Split(','), Analyze(Everywhere(Quote(rules))).Ids(Alice));

    [Fact]
    public void SeverityRisesWhenGrantedInEveryNamespace()
    {
        var local = Assert.Single(Analyze(InDev(Pods)).Of(Alice));
        var wide = Assert.Single(Analyze(Everywhere(Pods)).Of(Alice));
        Assert.Equal((RiskSeverity.High, RiskSeverity.Critical), (local.Severity, wide.Severity));
        Assert.Equal(["CIS 5.1.4"], wide.Controls);
    }

    [Fact]
    public void SystemMastersIsClusterAdminWithoutAnyRule()
    {
        var yaml = TestRbac.ClusterRole("nothing", "{apiGroups: [''], resources: [configmaps], verbs: [get]}")
            + TestRbac.ClusterRoleBinding("m", "nothing", "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: system:masters}");
        var finding = Assert.Single(Analyze(yaml));
        Assert.Equal(("cluster-admin", "cluster", RiskSeverity.Critical), (finding.Risk, finding.Scope, finding.Severity));
        Assert.Contains("bypass RBAC", Assert.Single(finding.Evidence).Detail);
    }

    [Fact]
    public void EvidenceNamesBindingRoleAndRule()
    {
        var finding = Assert.Single(Analyze(InDev("{apiGroups: [''], resources: [pods/exec], verbs: [create]}")));
        var evidence = Assert.Single(finding.Evidence);
        Assert.Equal(("RoleBinding dev/b", "Role dev/r", 0, (string?)null), (evidence.Binding, evidence.Role, evidence.Rule!.Origin.RuleIndex, evidence.Detail));
    }

    [Fact]
    public void NamedGrantListsTheNames()
    {
        var finding = Assert.Single(Analyze(InDev("{apiGroups: [''], resources: [pods/exec], resourceNames: [db-0, api-1], verbs: [create]}")));
        Assert.Equal("pod-exec", finding.Risk);
        Assert.Equal(["api-1", "db-0"], finding.Names);
    }

    [Fact]
    public void BroadGroupBindingIsReportedOnTheGroupAndHeldByEveryServiceAccount()
    {
        var yaml = TestRbac.ServiceAccount("dev", "app") + TestRbac.ClusterRole("c", "{apiGroups: [''], resources: [secrets], verbs: [get]}")
            + TestRbac.RoleBinding("dev", "b", "ClusterRole", "c", "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: 'system:serviceaccounts:dev'}");
        var findings = Analyze(yaml);
        var group = Verity.Rbac.Model.Subject.Group("system:serviceaccounts:dev");
        Assert.Equal(["read-secrets@namespace:dev", "broad-group-binding@namespace:dev"], findings.Ids(group));
        Assert.Equal(RiskSeverity.High, findings.Of(group)[1].Severity);
        var sa = Assert.Single(findings.Of(Verity.Rbac.Model.Subject.ServiceAccount("dev", "app")));
        Assert.Equal(("read-secrets", "via Group system:serviceaccounts:dev"), (sa.Risk, sa.Evidence[0].Detail));
    }

    [Fact]
    public void DanglingBindingReportsAMissingRoleAndAMissingServiceAccount()
    {
        var yaml = TestRbac.ServiceAccount("dev", "app") + TestRbac.Role("dev", "r", "{apiGroups: [''], resources: [configmaps], verbs: [get]}")
            + TestRbac.RoleBinding("dev", "gone-role", "Role", "missing", TestRbac.Sa("app"))
            + TestRbac.RoleBinding("dev", "gone-sa", "Role", "r", TestRbac.Sa("ghost"), TestRbac.Sa("default"));
        var findings = Analyze(yaml).Where(f => f.Risk == RiskCatalog.DanglingBinding).ToList();
        Assert.Equal(["ServiceAccount dev/app low Role dev/missing is not in the input", "ServiceAccount dev/ghost medium ServiceAccount dev/ghost is not in the input"],
            findings.Select(f => $"{f.Subject} {f.Severity} {f.Evidence[0].Detail}"));
    }

    [Fact]
    public void CatalogIdsAreUniqueAndEveryRuleCheckIsInTheCatalog()
    {
        Assert.Equal(RiskCatalog.All.Count, RiskCatalog.All.Select(d => d.Id).Distinct().Count());
        Assert.All(RiskChecks.All, c => Assert.Contains(c.Id, RiskCatalog.All.Select(d => d.Id)));
        Assert.Equal(24, RiskCatalog.All.Count);
    }

    private static string[] Quote(string[] rules) => rules.Select(r => r.Replace('\'', '"')).ToArray();
}
