using Verity.Network.Evaluation;
using Verity.Posture.Isolation;
using static Verity.Posture.Tests.NetworkYaml;

namespace Verity.Posture.Tests.Isolation;

/// <summary>
/// The definition of isolation: what is not explicitly allowed is denied — neither a pod of an unrelated
/// namespace nor an outside address gets through on a port no applying rule names — decided by the network
/// engine through every tier, not from policy names or selectors.
/// </summary>
public sealed class IsolationAnalyzerTests
{
    private static IsolationVerdict Check(string yaml, Direction direction, string endpoint = "shop/deployment/web")
    {
        var analyzer = new IsolationAnalyzer(TestSnapshots.From(yaml));
        return analyzer.Check(analyzer.Targets(endpoint.Split('/')[0]).Single(e => e.Id == endpoint), direction);
    }

    private const string AnyPort = "on any port — no policy decided: Kubernetes allows by default";

    [Fact]
    public void A_pod_no_policy_selects_is_open_both_ways_by_Kubernetes_default()
    {
        var yaml = App("web");
        var ingress = Check(yaml, Direction.Ingress);
        Assert.False(ingress.Isolated);
        Assert.False(ingress.OpenedByRule);
        Assert.Equal(DecisionTier.Default, ingress.Reason!.Tier);
        Assert.Equal("accepts connections from a pod in a namespace no policy names and from an address outside the cluster (203.0.113.1) " + AnyPort, ingress.Evidence);
        Assert.Equal("can connect to a pod in a namespace no policy names and to an address outside the cluster (203.0.113.1) " + AnyPort,
            Check(yaml, Direction.Egress).Evidence);
    }

    [Fact]
    public void A_default_deny_isolates_only_the_directions_it_names()
    {
        var yaml = Join(App("web"), DenyAll("shop", "[Ingress]"));
        Assert.Same(IsolationVerdict.Yes, Check(yaml, Direction.Ingress));
        Assert.False(Check(yaml, Direction.Egress).Isolated);
    }

    [Fact]
    public void An_allow_all_rule_undoes_the_default_deny_whatever_the_policy_is_called()
    {
        var yaml = Join(App("web"), DenyAll("shop"), NetworkPolicy("shop", "deny-web-ingress", "podSelector: {matchLabels: {app: web}}\ningress: [{}]"));
        var verdict = Check(yaml, Direction.Ingress);
        Assert.False(verdict.Isolated);
        Assert.True(verdict.OpenedByRule);
        Assert.Equal("NetworkPolicy shop/deny-web-ingress", verdict.Reason!.Policy);
        Assert.Equal("accepts connections from a pod in a namespace no policy names and from an address outside the cluster (203.0.113.1) on any port"
            + " — NetworkPolicy shop/deny-web-ingress: ingress rule #0 allows it (from any peer; port any port)", verdict.Evidence);
        Assert.True(Check(yaml, Direction.Egress).Isolated);
    }

    [Theory]
    [InlineData("[{port: 443}]")]
    [InlineData("[{port: 8000, endPort: 9000}]")]
    [InlineData("[{port: http}]")]
    [InlineData("[{port: 53, protocol: UDP}, {port: 53}]")]
    public void Ports_a_rule_names_do_not_count_what_matters_is_the_default_for_the_rest(string ports)
    {
        var yaml = Join(App("web"), NetworkPolicy("shop", "public", $"podSelector: {{}}\ningress: [{{ports: {ports}}}]"));
        Assert.True(Check(yaml, Direction.Ingress).Isolated);
    }

    [Fact]
    public void A_port_entry_with_a_protocol_only_names_no_port_so_every_port_of_it_is_open()
    {
        var yaml = Join(App("web"), NetworkPolicy("shop", "tcp", "podSelector: {}\ningress: [{ports: [{}]}]"));
        var verdict = Check(yaml, Direction.Ingress);
        Assert.False(verdict.Isolated);
        Assert.StartsWith("accepts connections from a pod in a namespace no policy names and from an address outside the cluster (203.0.113.1) on any TCP port — ", verdict.Evidence);
    }

    [Fact]
    public void Evidence_lists_exactly_the_open_port_ranges_around_the_named_ones()
    {
        var yaml = Join(App("web"), DenyAll("shop"),
            NetworkPolicy("shop", "from-all-namespaces", "podSelector: {}\ningress: [{from: [{namespaceSelector: {}}]}]"),
            NetworkPolicy("shop", "from-storefront", "podSelector: {}\ningress: [{from: [{namespaceSelector: {matchLabels: {team: web}}}], ports: [{port: 8080}, {port: 9000, endPort: 9100}]}]"));
        var verdict = Check(yaml, Direction.Ingress);
        Assert.Equal("accepts connections from a pod in a namespace no policy names on TCP ports 1-8079, 8081-8999, 9101-65535, any UDP port, any SCTP port"
            + " — NetworkPolicy shop/from-all-namespaces: ingress rule #0 allows it (from all pods in all namespaces; port any port)", verdict.Evidence);
    }

    [Fact]
    public void A_selector_that_admits_unknown_namespaces_is_open_although_it_looks_narrow()
    {
        var yaml = Join(App("web"), NetworkPolicy("shop", "not-from-dev", """
            podSelector: {}
            ingress:
              - from: [{namespaceSelector: {matchExpressions: [{key: env, operator: NotIn, values: [dev]}]}}]
            """));
        var verdict = Check(yaml, Direction.Ingress);
        Assert.False(verdict.Isolated);
        Assert.StartsWith("accepts connections from a pod in a namespace no policy names on any port — NetworkPolicy shop/not-from-dev", verdict.Evidence);
    }

    [Fact]
    public void An_ipBlock_of_the_whole_internet_opens_the_pod_to_outside_addresses()
    {
        var yaml = Join(App("web"), NetworkPolicy("shop", "egress-anywhere", """
            podSelector: {}
            policyTypes: [Egress]
            egress:
              - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]
            """));
        var verdict = Check(yaml, Direction.Egress);
        Assert.Equal("can connect to an address outside the cluster (203.0.113.1) on any port — NetworkPolicy shop/egress-anywhere: egress rule #0 allows it (to addresses in 0.0.0.0/0 except 10.0.0.0/8; port any port)",
            verdict.Evidence);
    }

    [Fact]
    public void Egress_default_deny_with_the_usual_DNS_rules_is_isolated()
    {
        var yaml = Join(App("web"), DenyAll("shop"), NetworkPolicy("shop", "dns", """
            podSelector: {}
            policyTypes: [Egress]
            egress:
              - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
                ports: [{port: 53, protocol: UDP}, {port: 53}]
              - to: [{namespaceSelector: {}}]
                ports: [{port: 53, protocol: UDP}]
            """));
        Assert.True(Check(yaml, Direction.Egress).Isolated);
    }

    [Fact]
    public void A_Baseline_cluster_policy_isolates_pods_no_NetworkPolicy_selects()
    {
        var yaml = Join(App("web"), ClusterNetworkPolicy("baseline-deny", """
            tier: Baseline
            priority: 0
            subject: {namespaces: {}}
            ingress:
              - {action: Deny, from: [{namespaces: {}}, {networks: [0.0.0.0/0]}]}
            """));
        Assert.True(Check(yaml, Direction.Ingress).Isolated);
        Assert.False(Check(yaml, Direction.Egress).Isolated);
    }

    [Fact]
    public void A_Baseline_deny_of_pods_only_leaves_outside_addresses_in()
    {
        var yaml = Join(App("web"), ClusterNetworkPolicy("baseline-deny", """
            tier: Baseline
            priority: 0
            subject: {namespaces: {}}
            ingress:
              - {action: Deny, from: [{namespaces: {}}]}
            """));
        Assert.Equal("accepts connections from an address outside the cluster (203.0.113.1) " + AnyPort, Check(yaml, Direction.Ingress).Evidence);
    }

    [Fact]
    public void An_Admin_deny_of_one_port_isolates_nothing()
    {
        var yaml = Join(App("web"), ClusterNetworkPolicy("no-ssh", """
            tier: Admin
            priority: 10
            subject: {namespaces: {}}
            ingress:
              - {action: Deny, from: [{namespaces: {}}, {networks: [0.0.0.0/0]}], protocols: [{tcp: {destinationPort: {number: 22}}}]}
            """));
        Assert.Equal("accepts connections from a pod in a namespace no policy names and from an address outside the cluster (203.0.113.1) on TCP ports 1-21, 23-65535, any UDP port, any SCTP port"
            + " — no policy decided: Kubernetes allows by default", Check(yaml, Direction.Ingress).Evidence);
    }

    [Fact]
    public void An_Admin_accept_from_everywhere_beats_the_namespace_default_deny()
    {
        var yaml = Join(App("web"), DenyAll("shop"), ClusterNetworkPolicy("open", """
            tier: Admin
            priority: 10
            subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}
            egress:
              - {name: everywhere, action: Accept, to: [{networks: [0.0.0.0/0]}]}
            """));
        var verdict = Check(yaml, Direction.Egress);
        Assert.Equal("ClusterNetworkPolicy open", verdict.Reason!.Policy);
        Assert.Equal(DecisionTier.Admin, verdict.Reason.Tier);
        Assert.StartsWith("can connect to an address outside the cluster (203.0.113.1) on any port — ClusterNetworkPolicy open: egress rule #0 \"everywhere\" matches", verdict.Evidence);
    }

    [Fact]
    public void Host_network_pods_are_not_counted()
    {
        var yaml = Join(App("web"), App("agent", extra: "hostNetwork: true"));
        var analyzer = new IsolationAnalyzer(TestSnapshots.From(yaml));
        Assert.Equal(["shop/deployment/web"], analyzer.Targets("shop").Select(e => e.Id));
        Assert.Equal(new NamespaceIsolation("shop", new IsolationShare(0, 1), new IsolationShare(0, 1), false), analyzer.Summarize("shop"));
    }

    [Fact]
    public void The_default_is_what_a_new_unlabelled_pod_gets_not_what_the_running_pods_get()
    {
        // Both running pods are isolated by policies of their own; a new pod would not be.
        var perApp = Join(App("web"), App("db"),
            NetworkPolicy("shop", "web", "podSelector: {matchLabels: {app: web}}\npolicyTypes: [Ingress, Egress]"),
            NetworkPolicy("shop", "db", "podSelector: {matchLabels: {app: db}}\npolicyTypes: [Ingress, Egress]"));
        var analyzer = new IsolationAnalyzer(TestSnapshots.From(perApp));
        Assert.Equal(new NamespaceIsolation("shop", new IsolationShare(2, 2), new IsolationShare(2, 2), false), analyzer.Summarize("shop"));

        // A namespace-wide default-deny with one workload opened wide: the default holds, one pod is open.
        var opened = Join(App("web"), App("db"), DenyAll("shop"), NetworkPolicy("shop", "open-db", "podSelector: {matchLabels: {app: db}}\ningress: [{}]"));
        Assert.Equal(new NamespaceIsolation("shop", new IsolationShare(1, 2), new IsolationShare(2, 2), true), new IsolationAnalyzer(TestSnapshots.From(opened)).Summarize("shop"));
    }

    [Fact]
    public void Pods_of_a_dump_are_counted_one_by_one()
    {
        var yaml = Join(DenyAll("shop", "[Ingress]"), Pod("web-1", "app: web"), Pod("web-2", "app: web"), Pod("debug", "app: debug"),
            NetworkPolicy("shop", "debug-open", "podSelector: {matchLabels: {app: debug}}\ningress: [{}]"));
        var analyzer = new IsolationAnalyzer(TestSnapshots.From(yaml));
        Assert.Equal(new IsolationShare(2, 3), analyzer.Summarize("shop").Ingress);
    }

    private static string Pod(string name, string labels) => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{name}}
          namespace: shop
          labels: {{{labels}}}
        spec:
          containers: [{name: app, image: app:1.0}]
        status: {podIP: 10.1.0.{{name.Length}}}
        """;
}
