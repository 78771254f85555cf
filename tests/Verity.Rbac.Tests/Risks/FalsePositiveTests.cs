using Verity.Rbac.Risks;
using static Verity.Rbac.Tests.Risks.TestRisks;

namespace Verity.Rbac.Tests.Risks;

/// <summary>Grants that look risky to a string match and are not, and how findings subsume each other.</summary>
public sealed class FalsePositiveTests
{
    [Theory]
    // Creating bindings without bind is only modify-rbac: the API server refuses bindings to roles one does not hold.
    [InlineData("modify-rbac@namespace:dev", "{apiGroups: [rbac.authorization.k8s.io], resources: [rolebindings, roles], verbs: [create, update]}")]
    // A RoleBinding cannot grant cluster-scoped resources: the request has no namespace.
    [InlineData("", "{apiGroups: [''], resources: [nodes, nodes/proxy, persistentvolumes], verbs: ['*']}")]
    [InlineData("", "{apiGroups: [admissionregistration.k8s.io], resources: ['*'], verbs: ['*']}")]
    // pods does not cover pods/exec; pods/* is only the literal text.
    [InlineData("", "{apiGroups: [''], resources: [pods], verbs: [get, list, watch]}")]
    [InlineData("", "{apiGroups: [''], resources: ['pods/*'], verbs: [create]}")]
    // The wrong group: secrets are core, deployments are apps.
    [InlineData("", "{apiGroups: [apps], resources: [secrets], verbs: [get]}")]
    [InlineData("", "{apiGroups: [''], resources: [deployments], verbs: [create]}")]
    // create cannot be limited by resourceNames: such a rule never allows creating pods.
    [InlineData("", "{apiGroups: [''], resources: [pods], resourceNames: [x], verbs: [create]}")]
    // escalate without writing roles, bind without writing bindings.
    [InlineData("", "{apiGroups: [rbac.authorization.k8s.io], resources: [roles], verbs: [escalate, bind]}")]
    // Another namespace's object is not "its own namespace".
    [InlineData("", "{apiGroups: [''], resources: [namespaces], resourceNames: [prod], verbs: [update]}")]
    // Reading a secret and creating another kind is not issue-token-secret.
    [InlineData("read-specific-secrets@namespace:dev", "{apiGroups: [''], resources: [secrets], resourceNames: [tls], verbs: [get, create]}")]
    public void NamespacedGrantFindsOnlyWhatIsReal(string expected, string rule) =>
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), Analyze(InDev(rule.Replace('\'', '"'))).Ids(Alice));

    [Fact]
    public void ClusterAdminSubsumesEverythingElse()
    {
        var yaml = Everywhere("{apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"*\"]}")
            + InDev("{apiGroups: [\"\"], resources: [secrets], verbs: [get]}");
        Assert.Equal(["cluster-admin@cluster"], Analyze(yaml).Ids(Alice));
    }

    [Fact]
    public void NamespaceAdminSubsumesItsNamespaceOnly()
    {
        var yaml = InDev("{apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"*\"]}")
            + TestRbac.Role("prod", "r", "{apiGroups: [\"\"], resources: [pods/exec], verbs: [create]}")
            + TestRbac.RoleBinding("prod", "b", "Role", "r", TestRbac.Alice);
        Assert.Equal(["namespace-admin@namespace:dev", "pod-exec@namespace:prod"], Analyze(yaml).Ids(Alice));
    }

    [Fact]
    public void ClusterWideFindingIsNotRepeatedPerNamespace()
    {
        var yaml = Everywhere("{apiGroups: [\"\"], resources: [secrets], verbs: [list]}") + InDev("{apiGroups: [\"\"], resources: [secrets], verbs: [get]}");
        Assert.Equal(["read-secrets@all-namespaces"], Analyze(yaml).Ids(Alice));
    }

    [Fact]
    public void MixedScopesCombineInTheNamespace()
    {
        // Node writes come from a ClusterRoleBinding, eviction from a RoleBinding: pods of dev can be stolen.
        var yaml = Everywhere("{apiGroups: [\"\"], resources: [nodes], verbs: [patch]}") + InDev("{apiGroups: [\"\"], resources: [pods/eviction], verbs: [create]}");
        Assert.Equal(["modify-nodes@cluster", "steal-pods@namespace:dev"], Analyze(yaml).Ids(Alice));
    }

    [Fact]
    public void RoleBindingCanGrantBindOnClusterRolesForItsNamespace()
    {
        // BindingAuthorized asks bind on the ClusterRole in the binding's namespace.
        var yaml = TestRbac.ClusterRole("binder", "{apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind], resourceNames: [admin]}",
                "{apiGroups: [rbac.authorization.k8s.io], resources: [rolebindings], verbs: [create]}")
            + TestRbac.RoleBinding("dev", "b", "ClusterRole", "binder", TestRbac.Alice);
        // Only bind on "admin": creating other bindings stays modify-rbac (a restricted finding subsumes nothing).
        Assert.Equal(["bind-roles@namespace:dev", "modify-rbac@namespace:dev"], Analyze(yaml).Ids(Alice));
        Assert.Equal(["admin"], Analyze(yaml).Of(Alice)[0].Names);
    }

    [Fact]
    public void AggregatedRolesAreSeenThroughTheirAggregation()
    {
        var yaml = """
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: parent}
            aggregationRule:
              clusterRoleSelectors: [{matchLabels: {agg: "true"}}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: child, labels: {agg: "true"}}
            rules: [{apiGroups: [""], resources: [serviceaccounts/token], verbs: [create]}]

            """ + TestRbac.RoleBinding("dev", "b", "ClusterRole", "parent", TestRbac.Alice);
        var finding = Assert.Single(Analyze(yaml).Of(Alice));
        Assert.Equal(("token-request", "ClusterRole parent", "ClusterRole/child rules[0]"),
            (finding.Risk, finding.Evidence[0].Role, finding.Evidence[0].Rule!.Origin.ToString()));
    }

    [Fact]
    public void DefaultDiscoveryBindingsAreIgnoredUnlessAsked()
    {
        var yaml = TestRbac.ClusterRole("system:discovery", "{apiGroups: [\"\"], resources: [secrets], verbs: [get]}")
            + TestRbac.ClusterRoleBinding("system:discovery", "system:discovery", "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: system:authenticated}");
        Assert.Empty(Analyze(yaml));
        var group = Verity.Rbac.Model.Subject.Group("system:authenticated");
        Assert.Equal(["read-secrets@all-namespaces", "broad-group-binding@all-namespaces"],
            Analyze(yaml, new RbacOptions { IncludeDefaults = true }).Ids(group));
    }

    [Fact]
    public void OrderIsDeterministic()
    {
        var yaml = InDev("{apiGroups: [\"\"], resources: [pods/exec, secrets], verbs: [create, get]}")
            + TestRbac.ClusterRoleBinding("x", "c", TestRbac.Devs) + TestRbac.ClusterRole("c", "{apiGroups: [\"\"], resources: [nodes], verbs: [patch]}");
        var first = Analyze(yaml).Select(f => f.ToString()).ToList();
        Assert.Equal(first, Analyze(yaml).Select(f => f.ToString()));
        Assert.Equal(["high read-secrets User alice namespace:dev", "high pod-exec User alice namespace:dev",
            "high issue-token-secret User alice namespace:dev", "high modify-nodes Group devs cluster"], first);
    }
}
