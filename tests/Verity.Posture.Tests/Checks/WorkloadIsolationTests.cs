using Verity.Core.Model;
using Verity.Core.Snapshots;
using Verity.Posture.Checks;
using static Verity.Posture.Tests.NetworkYaml;

namespace Verity.Posture.Tests.Checks;

/// <summary>VT-NET-002 (ingress) and VT-NET-003 (egress): one finding per workload that is not isolated.</summary>
public sealed class WorkloadIsolationTests
{
    /// <summary>
    /// shop: default-deny ingress; web opened wide by a rule; db and cache isolated for ingress; no egress policy.
    /// Findings point at the pod template's labels: line 13 of web, 33 of db, 53 of cache (each App is 19 lines plus "---").
    /// </summary>
    private static readonly string Shop = Join(
        App("web"), App("db"), App("cache"),
        DenyAll("shop", "[Ingress]"),
        NetworkPolicy("shop", "web-from-anywhere", "podSelector: {matchLabels: {app: web}}\ningress: [{}]"));

    [Fact]
    public void Ingress_reports_each_open_workload_with_the_share_the_evidence_and_the_rule_to_narrow()
    {
        var snapshot = TestSnapshots.From(Shop);
        var finding = Assert.Single(new IngressIsolation().Evaluate(snapshot));

        Assert.Equal("VT-NET-002 shop/Deployment/web @ -:13:9", TestSnapshots.Lines([finding])[0]);
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Equal("Deployment \"web\" is not isolated for ingress: a rule of NetworkPolicy shop/web-from-anywhere lets a source no policy names through"
            + " (2 of 3 pods in namespace \"shop\" are isolated for ingress); narrow that rule", finding.Message);
        Assert.Equal("shop/deployment/web accepts connections from a pod in a namespace no policy names and from an address outside the cluster (203.0.113.1) on any port"
            + " — NetworkPolicy shop/web-from-anywhere: ingress rule #0 allows it (from any peer; port any port)", finding.Evidence);
        Assert.StartsWith("Change the rule of NetworkPolicy shop/web-from-anywhere that matched", finding.Remediation);
        Assert.Equal(["CIS 5.3.2", "NSA Network policies"], finding.Controls);
        Assert.Equal(["shop/Deployment/web", "shop/Deployment/db", "shop/Deployment/cache"], new IngressIsolation().Subjects(snapshot).Select(s => s.Display));
    }

    [Fact]
    public void Egress_reports_every_workload_no_policy_selects_for_egress()
    {
        var snapshot = TestSnapshots.From(Shop);
        var findings = new EgressIsolation().Evaluate(snapshot).ToList();

        Assert.Equal(["VT-NET-003 shop/Deployment/web @ -:13:9", "VT-NET-003 shop/Deployment/db @ -:33:9", "VT-NET-003 shop/Deployment/cache @ -:53:9"],
            TestSnapshots.Lines(findings));
        Assert.All(findings, f => Assert.Equal(Severity.Low, f.Severity));
        Assert.Equal("Deployment \"db\" is not isolated for egress: no NetworkPolicy selects it for egress (0 of 3 pods in namespace \"shop\" are isolated for egress);"
            + " select it with a default-deny egress policy", findings[1].Message);
        Assert.Equal("shop/deployment/db can connect to a pod in a namespace no policy names and to an address outside the cluster (203.0.113.1) on any port"
            + " — no policy decided: Kubernetes allows by default", findings[1].Evidence);
        Assert.Contains("policyTypes: [Egress], allow DNS (namespace kube-system, pods k8s-app=kube-dns, port 53 UDP and TCP)", findings[1].Remediation);
    }

    [Fact]
    public void A_namespace_without_any_NetworkPolicy_is_left_to_VT_NET_001()
    {
        var yaml = Join(Shop, App("gateway", ns: "edge"));
        var snapshot = TestSnapshots.From(yaml);
        Assert.DoesNotContain(new IngressIsolation().Subjects(snapshot), s => s.Namespace == "edge");
        Assert.DoesNotContain(new EgressIsolation().Evaluate(snapshot), f => f.Namespace == "edge");
        Assert.Equal(["VT-NET-001 Namespace/edge @ "], TestSnapshots.Lines(new NamespaceWithoutNetworkPolicy().Evaluate(snapshot)));
    }

    [Fact]
    public void System_namespaces_and_host_network_workloads_are_not_subjects()
    {
        var yaml = Join(App("dns", ns: "kube-system"), DenyAll("kube-system", "[Ingress]"),
            App("agent", extra: "hostNetwork: true"), App("web"), DenyAll("shop"));
        var snapshot = TestSnapshots.From(yaml);
        Assert.Equal(["shop/Deployment/web"], new IngressIsolation().Subjects(snapshot).Select(s => s.Display));
        Assert.Empty(new IngressIsolation().Evaluate(snapshot));
        Assert.Empty(new EgressIsolation().Evaluate(snapshot));
    }

    [Fact]
    public void In_a_dump_a_workload_fails_once_when_any_of_its_pods_is_open_and_the_share_counts_pods()
    {
        // Mid-rollout: one pod of web still carries the old label the default-deny does not select.
        var yaml = Join(
            """
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata: {name: web-1, namespace: shop, uid: rs-1}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: web:1.0}]}
            """,
            OwnedPod("web-1-a", "app: web, tier: front"), OwnedPod("web-1-b", "app: web"), OwnedPod("web-1-c", "app: web, tier: front"),
            NetworkPolicy("shop", "front-deny", "podSelector: {matchLabels: {tier: front}}\npolicyTypes: [Ingress]"));
        var finding = Assert.Single(new IngressIsolation().Evaluate(TestSnapshots.From(yaml)));
        Assert.Equal("shop/ReplicaSet/web-1", finding.Subject.Display);
        Assert.Contains("(2 of 3 pods in namespace \"shop\" are isolated for ingress)", finding.Message);
        Assert.StartsWith("shop/web-1-b accepts connections", finding.Evidence);
    }

    private static string OwnedPod(string name, string labels) => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{name}}
          namespace: shop
          labels: {{{labels}}}
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-1, uid: rs-1, controller: true}]
        spec:
          containers: [{name: web, image: web:1.0}]
        """;

    [Fact]
    public void A_CronJob_points_at_its_job_template_labels()
    {
        var yaml = Join(DenyAll("shop", "[Ingress]"), """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report, namespace: shop}
            spec:
              schedule: "0 * * * *"
              jobTemplate:
                spec:
                  template:
                    metadata:
                      labels: {app: report}
                    spec: {containers: [{name: report, image: report:1.0}]}
            """);
        Assert.Equal(["VT-NET-003 shop/CronJob/report @ -:19:19"], TestSnapshots.Lines(new EgressIsolation().Evaluate(TestSnapshots.From(yaml))));
    }
}
