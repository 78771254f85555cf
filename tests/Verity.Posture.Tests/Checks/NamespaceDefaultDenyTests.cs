using Verity.Core.Model;
using Verity.Posture.Checks;
using static Verity.Posture.Tests.NetworkYaml;

namespace Verity.Posture.Tests.Checks;

/// <summary>VT-NET-004: a new pod with no labels would not be isolated in both directions.</summary>
public sealed class NamespaceDefaultDenyTests
{
    [Fact]
    public void A_namespace_with_a_default_deny_both_ways_passes_even_if_one_workload_is_opened()
    {
        var yaml = Join(Namespace("shop"), App("web"), DenyAll("shop"),
            NetworkPolicy("shop", "web-open", "podSelector: {matchLabels: {app: web}}\ningress: [{}]"));
        Assert.Empty(TestSnapshots.Evaluate<NamespaceDefaultDeny>(yaml));
    }

    [Fact]
    public void A_missing_egress_default_is_reported_at_the_Namespace_with_the_policy_to_add()
    {
        var yaml = Join(Namespace("shop"), App("web"), DenyAll("shop", "[Ingress]"));
        var finding = Assert.Single(new NamespaceDefaultDeny().Evaluate(TestSnapshots.From(yaml)));

        Assert.Equal("VT-NET-004 Namespace/shop @ -:1:1", TestSnapshots.Lines([finding])[0]);
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Equal("shop", finding.Namespace);
        Assert.Equal("namespace \"shop\" does not deny egress by default, so a pod added there is not isolated for egress; add a NetworkPolicy with podSelector: {} and policyTypes: [Egress]",
            finding.Message);
        Assert.Equal("Apply a NetworkPolicy in namespace \"shop\" with podSelector: {} and policyTypes: [Egress] and an egress rule for DNS (namespace kube-system, pods k8s-app=kube-dns, port 53 UDP and TCP), then one policy per required flow.",
            finding.Remediation);
        Assert.Equal("egress: a new pod with no labels can connect to a pod in a namespace no policy names and to an address outside the cluster (203.0.113.1) on any port — no policy decided: Kubernetes allows by default",
            finding.Evidence);
        Assert.Equal(["CIS 5.3.2", "NSA Network policies"], finding.Controls);
    }

    [Fact]
    public void Policies_per_workload_isolate_the_running_pods_but_give_the_namespace_no_default()
    {
        var yaml = Join(App("web"), NetworkPolicy("shop", "web", "podSelector: {matchLabels: {app: web}}\npolicyTypes: [Ingress, Egress]"));
        var finding = Assert.Single(new NamespaceDefaultDeny().Evaluate(TestSnapshots.From(yaml)));
        Assert.Equal("VT-NET-004 Namespace/shop @ ", TestSnapshots.Lines([finding])[0]);
        Assert.StartsWith("namespace \"shop\" does not deny ingress and egress by default, so a pod added there is not isolated for ingress and egress; add a NetworkPolicy with podSelector: {} and policyTypes: [Ingress, Egress]",
            finding.Message);
        Assert.Empty(new IngressIsolation().Evaluate(TestSnapshots.From(yaml)));
    }

    [Fact]
    public void A_namespace_wide_allow_rule_is_named_as_the_thing_to_narrow()
    {
        var yaml = Join(App("web"), DenyAll("shop"), NetworkPolicy("shop", "egress-anywhere", "podSelector: {}\npolicyTypes: [Egress]\negress: [{to: [{ipBlock: {cidr: 0.0.0.0/0}}]}]"));
        var finding = Assert.Single(new NamespaceDefaultDeny().Evaluate(TestSnapshots.From(yaml)));
        Assert.Equal("namespace \"shop\" does not deny egress by default, so a pod added there is not isolated for egress; narrow NetworkPolicy shop/egress-anywhere (egress), which applies to every pod there",
            finding.Message);
        Assert.Equal("egress: a new pod with no labels can connect to an address outside the cluster (203.0.113.1) on any port — NetworkPolicy shop/egress-anywhere: egress rule #0 allows it (to addresses in 0.0.0.0/0; port any port)",
            finding.Evidence);
    }

    [Fact]
    public void Cluster_policies_count_a_Baseline_default_deny_both_ways_passes()
    {
        var yaml = Join(App("web"), DenyAll("shop", "[Ingress]"), ClusterNetworkPolicy("baseline", """
            tier: Baseline
            priority: 0
            subject: {namespaces: {}}
            egress:
              - {action: Deny, to: [{namespaces: {}}, {networks: [0.0.0.0/0, "::/0"]}]}
            """));
        Assert.Empty(TestSnapshots.Evaluate<NamespaceDefaultDeny>(yaml));
    }

    [Fact]
    public void Subjects_are_the_namespaces_with_a_NetworkPolicy_that_run_workloads()
    {
        var yaml = Join(App("web"), DenyAll("shop"), App("gateway", ns: "edge"), DenyAll("empty"), App("dns", ns: "kube-system"), DenyAll("kube-system"));
        var snapshot = TestSnapshots.From(yaml);
        Assert.Equal(["Namespace/shop"], new NamespaceDefaultDeny().Subjects(snapshot).Select(s => s.Display));
    }
}
