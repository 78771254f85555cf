using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Rbac.Authorization;
using Verity.Rbac.Model;
using Verity.Rbac.Paths;
using Verity.Rbac.Risks;
using static Verity.Rbac.Tests.TestRbac;

namespace Verity.Rbac.Tests.Paths;

/// <summary>Escalation edges and shortest paths on small hand-written clusters.</summary>
public sealed class EscalationGraphTests
{
    private static EscalationGraph Graph(string yaml)
    {
        var loaded = ManifestParser.Parse(yaml, "test.yaml");
        Assert.Empty(loaded.Diagnostics);
        var snapshot = SnapshotBuilder.Build(loaded.Objects);
        var model = RbacModel.FromSnapshot(snapshot);
        Assert.Empty(model.Diagnostics);
        var authorizer = new Authorizer(model);
        return EscalationGraph.Build(snapshot, authorizer, RiskAnalyzer.Analyze(model, authorizer));
    }

    private static string Deployment(string ns, string name, string? sa = null) =>
        $"---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {name}, namespace: {ns}}}\n" + Spec(name, sa);

    private static string StatefulSet(string ns, string name, string sa, int replicas) =>
        $"---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {{name: {name}, namespace: {ns}}}\n" + Spec(name, sa, $"  replicas: {replicas}\n");

    private static string Spec(string name, string? sa, string extra = "") =>
        $"spec:\n{extra}  selector: {{matchLabels: {{app: {name}}}}}\n  template:\n    metadata: {{labels: {{app: {name}}}}}\n    spec:\n"
        + (sa is null ? "" : $"      serviceAccountName: {sa}\n") + "      containers: [{name: c, image: \"x:1\"}]\n";

    private static IReadOnlyList<string> Paths(string yaml) => PathFinder.FromWorkloads(Graph(yaml)).Select(p => p.ToString()).ToList();

    private static EscalationNode SaNode(string ns, string name) => EscalationNode.For(Subject.ServiceAccount(ns, name));

    private static IReadOnlyList<string> Targets(EscalationGraph graph, EscalationNode from) => graph.OutOf(from).Select(e => $"{e.Risk} {e.To}").ToList();

    [Fact]
    public void ClusterAdminWorkloadReachesBothGoals()
    {
        var yaml = Deployment("ops", "tool", "tool") + ServiceAccount("ops", "tool")
            + ClusterRole("all", "{apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"*\"]}") + ClusterRoleBinding("b", "all", Sa("tool", "ops"));
        Assert.Equal(
        [
            "Deployment ops/tool --runs-as--> ServiceAccount ops/tool --cluster-admin--> goal cluster-admin-equivalent",
            "Deployment ops/tool --runs-as--> ServiceAccount ops/tool --cluster-admin--> goal read-all-secrets",
        ], Paths(yaml));
    }

    [Fact]
    public void CreateWorkloadChainsToAnAccountHoldingTheGoal()
    {
        var yaml = Deployment("dev", "ci", "deployer") + ServiceAccount("dev", "deployer") + ServiceAccount("dev", "backup")
            + Role("dev", "deploy", "{apiGroups: [apps], resources: [deployments], verbs: [create]}") + RoleBinding("dev", "d", "Role", "deploy", Sa("deployer"))
            + ClusterRole("read", "{apiGroups: [\"\"], resources: [secrets], verbs: [list]}") + ClusterRoleBinding("r", "read", Sa("backup", "dev"));
        Assert.Equal(["Deployment dev/ci --runs-as--> ServiceAccount dev/deployer --create-workload--> ServiceAccount dev/backup --read-secrets--> goal read-all-secrets"],
            Paths(yaml));
    }

    [Fact]
    public void ReadingSecretsOfOneNamespaceIsNotAGoal()
    {
        var yaml = Deployment("dev", "app", "app") + ServiceAccount("dev", "app")
            + Role("dev", "read", "{apiGroups: [\"\"], resources: [secrets], verbs: [get]}") + RoleBinding("dev", "r", "Role", "read", Sa("app"));
        Assert.Empty(Paths(yaml));
    }

    [Fact]
    public void TokenRequestReachesOnlyTheNamedAccounts()
    {
        var yaml = ServiceAccount("dev", "a") + ServiceAccount("dev", "b") + ServiceAccount("dev", "c")
            + Role("dev", "t", "{apiGroups: [\"\"], resources: [serviceaccounts/token], resourceNames: [b], verbs: [create]}") + RoleBinding("dev", "t", "Role", "t", Sa("a"));
        Assert.Equal(["token-request ServiceAccount dev/b"], Targets(Graph(yaml), SaNode("dev", "a")));
    }

    [Fact]
    public void ExecReachesStatefulSetPodsByTheirStableNames()
    {
        var yaml = StatefulSet("db", "pg", "pg", 2) + ServiceAccount("db", "pg") + Deployment("db", "web", "web") + ServiceAccount("db", "web")
            + ServiceAccount("db", "ops")
            + Role("db", "x", "{apiGroups: [\"\"], resources: [pods/exec], resourceNames: [pg-1], verbs: [create]}") + RoleBinding("db", "x", "Role", "x", Sa("ops"));
        Assert.Equal(["pod-exec ServiceAccount db/pg"], Targets(Graph(yaml), SaNode("db", "ops")));
        var beyond = yaml.Replace("resourceNames: [pg-1]", "resourceNames: [pg-2]");
        Assert.Empty(Targets(Graph(beyond), SaNode("db", "ops")));
    }

    [Fact]
    public void UnrestrictedExecReachesEveryWorkloadOfTheNamespace()
    {
        var yaml = Deployment("db", "web", "web") + Deployment("db", "job") + Deployment("other", "x", "x") + ServiceAccount("db", "ops")
            + Role("db", "x", "{apiGroups: [\"\"], resources: [pods/exec], verbs: [create]}") + RoleBinding("db", "x", "Role", "x", Sa("ops"));
        Assert.Equal(["pod-exec ServiceAccount db/default", "pod-exec ServiceAccount db/web"], Targets(Graph(yaml), SaNode("db", "ops")));
    }

    [Fact]
    public void PortForwardAloneRunsNoCode()
    {
        // get on pods/portforward is a pod-exec-websocket-get finding, but only exec and attach lead to the pod's identity.
        var yaml = Deployment("db", "web", "web") + ServiceAccount("db", "ops")
            + Role("db", "x", "{apiGroups: [\"\"], resources: [pods/portforward], verbs: [get]}") + RoleBinding("db", "x", "Role", "x", Sa("ops"));
        Assert.Empty(Targets(Graph(yaml), SaNode("db", "ops")));
        Assert.Equal(["pod-exec-websocket-get ServiceAccount db/web"], Targets(Graph(yaml.Replace("pods/portforward", "pods/exec")), SaNode("db", "ops")));
    }

    [Fact]
    public void ImpersonatingSystemMastersIsClusterAdmin()
    {
        var yaml = ServiceAccount("dev", "a") + ClusterRole("imp", "{apiGroups: [\"\"], resources: [groups], resourceNames: [system:masters], verbs: [impersonate]}")
            + ClusterRoleBinding("i", "imp", Sa("a", "dev"));
        Assert.Equal(["impersonate goal cluster-admin-equivalent"], Targets(Graph(yaml), SaNode("dev", "a")));
    }

    [Fact]
    public void ImpersonatingAUserLeadsToWhatTheUserHolds()
    {
        var yaml = Deployment("dev", "app", "a") + ServiceAccount("dev", "a")
            + ClusterRole("imp", "{apiGroups: [\"\"], resources: [users], resourceNames: [alice], verbs: [impersonate]}") + ClusterRoleBinding("i", "imp", Sa("a", "dev"))
            + ClusterRole("hooks", "{apiGroups: [admissionregistration.k8s.io], resources: [validatingwebhookconfigurations], verbs: [patch]}")
            + ClusterRoleBinding("h", "hooks", Alice);
        Assert.Equal(["Deployment dev/app --runs-as--> ServiceAccount dev/a --impersonate--> User alice --control-webhooks--> goal cluster-admin-equivalent"], Paths(yaml));
    }

    [Fact]
    public void BindInANamespaceGivesItsAccountsBindClusterWideGivesClusterAdmin()
    {
        const string bind = "{apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles, rolebindings, clusterrolebindings], verbs: [bind, create]}";
        var local = ServiceAccount("dev", "a") + ServiceAccount("dev", "b") + ClusterRole("binder", bind) + RoleBinding("dev", "x", "ClusterRole", "binder", Sa("a"));
        Assert.Equal(["bind-roles ServiceAccount dev/b"], Targets(Graph(local), SaNode("dev", "a")));
        var wide = ServiceAccount("dev", "a") + ClusterRole("binder", bind) + ClusterRoleBinding("x", "binder", Sa("a", "dev"));
        Assert.Equal(["bind-roles goal cluster-admin-equivalent"], Targets(Graph(wide), SaNode("dev", "a")));
    }

    [Fact]
    public void ApprovingOnlyKubeletClientCertificatesIsNotClusterAdmin()
    {
        var yaml = ServiceAccount("dev", "a")
            + ClusterRole("csr", "{apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update]}",
                "{apiGroups: [certificates.k8s.io], resources: [signers], resourceNames: [kubernetes.io/kube-apiserver-client-kubelet], verbs: [approve]}")
            + ClusterRoleBinding("c", "csr", Sa("a", "dev"));
        Assert.Empty(Targets(Graph(yaml), SaNode("dev", "a")));
        Assert.Equal(["approve-csr goal cluster-admin-equivalent"],
            Targets(Graph(yaml.Replace("kube-apiserver-client-kubelet", "kube-apiserver-client")), SaNode("dev", "a")));
    }

    [Fact]
    public void AnAccountWithoutObjectStillHoldsItsGroupsGrants()
    {
        // The workload runs as "default", which no ServiceAccount object or binding names; system:serviceaccounts:dev is bound.
        var yaml = Deployment("dev", "app") + ClusterRole("read", "{apiGroups: [\"\"], resources: [secrets], verbs: [get]}")
            + ClusterRoleBinding("r", "read", "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: \"system:serviceaccounts:dev\"}");
        Assert.Equal(["Deployment dev/app --runs-as--> ServiceAccount dev/default --read-secrets--> goal read-all-secrets"], Paths(yaml));
    }

    [Fact]
    public void ShortestPathIsChosenAndNoneIsNull()
    {
        var yaml = ServiceAccount("dev", "a") + ServiceAccount("dev", "b") + ServiceAccount("dev", "c")
            + Role("dev", "t", "{apiGroups: [\"\"], resources: [serviceaccounts/token], resourceNames: [b], verbs: [create]}") + RoleBinding("dev", "t", "Role", "t", Sa("a"))
            + Role("dev", "u", "{apiGroups: [\"\"], resources: [serviceaccounts/token], resourceNames: [c], verbs: [create]}") + RoleBinding("dev", "u", "Role", "u", Sa("a"), Sa("b"))
            + ClusterRole("all", "{apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"*\"]}") + ClusterRoleBinding("x", "all", Sa("c", "dev"));
        var graph = Graph(yaml);
        var path = PathFinder.Shortest(graph, SaNode("dev", "a"), EscalationNode.ClusterAdminEquivalent);
        Assert.Equal("ServiceAccount dev/a --token-request--> ServiceAccount dev/c --cluster-admin--> goal cluster-admin-equivalent", path!.ToString());
        Assert.Null(PathFinder.Shortest(graph, SaNode("dev", "c"), SaNode("dev", "a")));
    }
}
