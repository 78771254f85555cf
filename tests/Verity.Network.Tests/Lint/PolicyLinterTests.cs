using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Network.Evaluation;
using Verity.Network.Lint;

namespace Verity.Network.Tests.Lint;

public sealed class PolicyLinterTests
{
    private const string Pods = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec: {containers: [{name: c, image: i, ports: [{name: http, containerPort: 8080}]}]}
        status: {podIP: 10.0.0.2}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: db, namespace: shop, labels: {app: db}}
        spec: {containers: [{name: c, image: i, ports: [{containerPort: 5432}]}]}
        status: {podIP: 10.0.0.3}
        """;

    private static List<string> Lint(string policies)
    {
        var loaded = ManifestParser.Parse(Pods + "\n---\n" + policies, "lint.yaml");
        Assert.Empty(loaded.Diagnostics);
        var model = NetworkModel.FromSnapshot(SnapshotBuilder.Build(loaded.Objects));
        return PolicyLinter.Lint(model).Select(f => $"{f.Rule} {f.Location.Line}: {f.Message}").ToList();
    }

    [Fact]
    public void APolicyThatSelectsNoPodIsReported()
    {
        var findings = Lint("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: typo, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: wbe}}
              policyTypes: [Ingress]
            """);
        Assert.Equal(["VT-NPL-001 17: selects no pod: podSelector app=wbe matches nothing in namespace shop"], findings);
    }

    [Fact]
    public void PeersAndNamedPortsThatMatchNothingAreReported()
    {
        var findings = Lint("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              ingress:
              - from:
                - podSelector: {matchLabels: {app: frontend}}
                ports:
                - port: https
            """);
        Assert.Equal([
            "VT-NPL-002 20: ingress rule #0 peer #0 (pods with app=frontend in namespace shop) matches no pod",
            "VT-NPL-003 22: ingress rule #0: named port \"https\" (TCP) is declared by no selected pod, so it matches nothing",
        ], findings);
    }

    [Fact]
    public void EgressIsolationWithoutDnsIsReportedOnceAndADnsRuleSilencesIt()
    {
        const string denyEgress = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-egress, namespace: shop}
            spec:
              podSelector: {}
              policyTypes: [Egress]
            """;
        var findings = Lint(denyEgress);
        Assert.Equal(["VT-NPL-004 17: shop/web is isolated for egress by deny-egress and cannot reach DNS (kube-dns, 53/UDP); add an egress rule to namespace kube-system, pods k8s-app=kube-dns, port 53 UDP and TCP"], findings);

        var withDns = Lint(denyEgress + """

            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: allow-dns, namespace: shop}
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress:
              - to:
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
                  podSelector: {matchLabels: {k8s-app: kube-dns}}
                ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
            """);
        Assert.Equal([], withDns);
    }

    [Fact]
    public void OpenRulesAndExceptOutsideCidrAreReported()
    {
        var findings = Lint("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: open, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: db}}
              ingress:
              - {}
              - from:
                - namespaceSelector: {}
                - ipBlock: {cidr: 0.0.0.0/0}
                - ipBlock: {cidr: 10.0.0.0/16, except: [192.168.0.0/24]}
            """);
        Assert.Equal([
            "VT-NPL-005 19: ingress rule #0 has no from: it allows every source, inside and outside the cluster",
            "VT-NPL-005 21: ingress rule #1 peer #0 selects every pod in every namespace",
            "VT-NPL-005 22: ingress rule #1 peer #1 allows every address (0.0.0.0/0)",
            "VT-NPL-006 23: ingress rule #1 peer #2: except 192.168.0.0/24 is not inside cidr 10.0.0.0/16, so it excludes nothing",
        ], findings);
    }

    [Fact]
    public void ClusterPoliciesWithTheSamePriorityOverAnOverlappingSubjectAreReported()
    {
        var findings = Lint("""
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: a}
            spec: {tier: Admin, priority: 5, subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}
            ---
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: b}
            spec: {tier: Admin, priority: 5, subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: db}}}}, ingress: [{action: Accept, from: [{namespaces: {}}]}]}
            ---
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: c}
            spec: {tier: Baseline, priority: 5, subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}
            """);
        Assert.Equal(["VT-NPL-007 21: ClusterNetworkPolicy b and ClusterNetworkPolicy a are both Admin tier, priority 5, and both apply to shop/db: which one wins is up to the implementation; give them different priorities"], findings);
    }
}
