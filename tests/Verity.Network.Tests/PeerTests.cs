using Verity.Network.Evaluation;
using Verity.Network.Model;
using static Verity.Network.Tests.TestCluster;

namespace Verity.Network.Tests;

/// <summary>
/// NetworkPolicyPeer semantics (https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/,
/// NetworkPolicyPeer; https://kubernetes.io/docs/concepts/services-networking/network-policies/, "Behavior of to and
/// from selectors"): podSelector alone selects pods of the policy's namespace, namespaceSelector alone every pod of
/// the selected namespaces, both in one entry their intersection, several entries their union.
/// </summary>
public sealed class PeerTests
{
    // db/server is the destination; clients sit in the same namespace and in two others.
    private static readonly string[] Cluster =
    [
        Namespace("db"),
        Namespace("team-a", "team: a"),
        Namespace("team-b", "team: b"),
        Pod("db/server", "10.0.0.10", "app: db"),
        Pod("db/client", "10.0.0.11", "role: client"),
        Pod("db/other", "10.0.0.12", "role: other"),
        Pod("team-a/client", "10.0.1.11", "role: client"),
        Pod("team-a/other", "10.0.1.12", "role: other"),
        Pod("team-b/client", "10.0.2.11", "role: client"),
    ];

    private static NetworkModel WithIngressFrom(string from) => Build([.. Cluster, NetworkPolicy("db/allow", $$"""
        podSelector: {matchLabels: {app: db} }
        ingress:
        - from:
        {{from}}
        """)]);

    private static bool Ingress(NetworkModel model, string from) => model.Can(from, "db/server", 5432).Ingress.Allowed;

    private static readonly string[] Sources = ["db/client", "db/other", "team-a/client", "team-a/other", "team-b/client", "198.51.100.7"];

    private static void AssertAllowedSources(NetworkModel model, params string[] allowed) =>
        Assert.Equal(allowed, Sources.Where(source => Ingress(model, source)));

    [Fact]
    public void APodSelectorAloneSelectsPodsOfThePolicysNamespaceOnly()
    {
        // API reference, NetworkPolicyPeer.podSelector: "If namespaceSelector is also set ... Otherwise it selects
        // the pods matching podSelector in the policy's own namespace."
        AssertAllowedSources(WithIngressFrom("  - podSelector: {matchLabels: {role: client}}"), "db/client");
    }

    [Fact]
    public void AnEmptyPodSelectorAloneSelectsEveryPodOfThePolicysNamespace()
    {
        AssertAllowedSources(WithIngressFrom("  - podSelector: {}"), "db/client", "db/other");
    }

    [Fact]
    public void ANamespaceSelectorAloneSelectsEveryPodOfTheSelectedNamespaces()
    {
        // API reference, NetworkPolicyPeer.namespaceSelector: "If podSelector is also set ... Otherwise it selects
        // all pods in the namespaces selected by namespaceSelector." The policy's own namespace is not implied.
        AssertAllowedSources(WithIngressFrom("  - namespaceSelector: {matchLabels: {team: a}}"), "team-a/client", "team-a/other");
    }

    [Fact]
    public void AnEmptyNamespaceSelectorSelectsEveryPodButNoExternalAddress()
    {
        AssertAllowedSources(WithIngressFrom("  - namespaceSelector: {}"),
            "db/client", "db/other", "team-a/client", "team-a/other", "team-b/client");
    }

    [Fact]
    public void BothSelectorsInOneEntryAreAnded()
    {
        // Concepts: "contains a single from element allowing connections from Pods with the label role=client in
        // namespaces with the label user=alice".
        AssertAllowedSources(WithIngressFrom("""
              - namespaceSelector: {matchLabels: {team: a}}
                podSelector: {matchLabels: {role: client}}
            """), "team-a/client");
    }

    [Fact]
    public void TwoEntriesAreOred()
    {
        // Concepts: "contains two elements in the from array, and allows connections from Pods in the local
        // Namespace with the label role=client, or from any Pod in any namespace with the label user=alice".
        AssertAllowedSources(WithIngressFrom("""
              - namespaceSelector: {matchLabels: {team: a}}
              - podSelector: {matchLabels: {role: client}}
            """), "db/client", "team-a/client", "team-a/other");
    }

    [Fact]
    public void BothSelectorsEmptySelectEveryPodInEveryNamespace()
    {
        AssertAllowedSources(WithIngressFrom("""
              - namespaceSelector: {}
                podSelector: {}
            """), "db/client", "db/other", "team-a/client", "team-a/other", "team-b/client");
    }

    [Fact]
    public void AnEmptyFromListMatchesEverySource()
    {
        // API reference, NetworkPolicyIngressRule.from: "If this field is empty or missing, this rule matches all sources".
        var model = Build([.. Cluster, NetworkPolicy("db/allow", """
            podSelector: {matchLabels: {app: db}}
            ingress:
            - from: []
              ports: [{port: 5432}]
            """)]);
        AssertAllowedSources(model, Sources);
    }

    [Fact]
    public void NamespacesCanBeSelectedByTheirNameLabel()
    {
        // Concepts, "Targeting a Namespace by its name": kubernetes.io/metadata.name is set on every namespace.
        AssertAllowedSources(WithIngressFrom("  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: team-b}}"), "team-b/client");
    }

    [Fact]
    public void AnImpliedNamespaceWithoutANamespaceObjectCarriesItsNameLabel()
    {
        var model = Build(
            Pod("api/server", "10.1.0.1", "app: api"),
            Pod("batch/job", "10.1.1.1", "app: job"),
            Pod("jobs/job", "10.1.2.1", "app: job"),
            NetworkPolicy("api/from-batch", """
                podSelector: {}
                ingress:
                - from:
                  - namespaceSelector:
                      matchExpressions:
                      - {key: kubernetes.io/metadata.name, operator: In, values: [batch]}
                """));
        model.Can("batch/job", "api/server", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.NetworkPolicy);
        model.Can("jobs/job", "api/server", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.NetworkPolicy);
    }

    [Fact]
    public void NamespaceLabelsComeFromTheNamespaceObject()
    {
        // team-b is labelled team: b, so "team NotIn [a]" also matches it, and db (no team label) too.
        AssertAllowedSources(WithIngressFrom("""
              - namespaceSelector:
                  matchExpressions:
                  - {key: team, operator: NotIn, values: [a]}
            """), "db/client", "db/other", "team-b/client");
    }

    [Fact]
    public void EgressPeersSelectDestinationsTheSameWay()
    {
        var model = Build([.. Cluster, NetworkPolicy("team-a/out", """
            podSelector: {}
            policyTypes: [Egress]
            egress:
            - to:
              - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: db}}
                podSelector: {matchLabels: {app: db}}
            """)]);
        model.Can("team-a/client", "db/server", 5432).AssertVerdict(true, DecisionTier.NetworkPolicy, true, DecisionTier.Default);
        model.Can("team-a/client", "db/client", 5432).AssertVerdict(false, DecisionTier.NetworkPolicy, true, DecisionTier.Default);
        model.Can("team-a/client", "team-a/other", 5432).AssertVerdict(false, DecisionTier.NetworkPolicy, true, DecisionTier.Default);
        model.Can("team-a/client", "198.51.100.7", 443).AssertVerdict(false, DecisionTier.NetworkPolicy, true, DecisionTier.NotApplicable);
    }

    [Fact]
    public void AnExplanationNamesThePeerThatMatched()
    {
        var verdict = WithIngressFrom("""
              - namespaceSelector: {matchLabels: {team: a}}
                podSelector: {matchLabels: {role: client}}
            """).Can("team-a/client", "db/server", 5432);
        Assert.Equal(
            new ExplainStep(DecisionTier.NetworkPolicy, "NetworkPolicy db/allow",
                "ingress rule #0 allows it (from pods with role=client in namespaces with team=a; port any port)"),
            verdict.Ingress.Steps.Single());
    }

    [Fact]
    public void AnExplanationSaysWhyNoPeerMatched()
    {
        var verdict = WithIngressFrom("  - podSelector: {matchLabels: {role: client}}").Can("team-a/client", "db/server", 5432);
        Assert.False(verdict.Allowed);
        Assert.Equal(
            [
                new ExplainStep(DecisionTier.NetworkPolicy, "NetworkPolicy db/allow",
                    "ingress rule #0 does not match: team-a/client is not among pods with role=client in namespace db"),
                new ExplainStep(DecisionTier.NetworkPolicy, null, "db/server is isolated for ingress by allow and no rule allows this connection"),
            ],
            verdict.Ingress.Steps);
    }

    [Fact]
    public void HostNetworkPodsAreOutsideNetworkPolicy()
    {
        // Concepts, "NetworkPolicy and hostNetwork pods": behaviour is undefined; Verity's documented choice is that
        // a host-network pod is never isolated and pod/namespace selectors never match it (its traffic is the node's).
        var model = Build(
            Pod("web/app", "10.0.0.1", "app: web"),
            Pod("web/agent", "192.168.1.5", "app: agent", hostNetwork: true),
            NetworkPolicy("web/deny-all", "podSelector: {}\npolicyTypes: [Ingress, Egress]"),
            NetworkPolicy("web/from-web", """
                podSelector: {matchLabels: {app: web}}
                ingress:
                - from: [{podSelector: {}}, {namespaceSelector: {}}]
                """));
        // Destination host-network: its ingress is not policed (the deny-all does not isolate it).
        var toAgent = model.Can("web/app", "web/agent", 9100);
        toAgent.AssertVerdict(false, DecisionTier.NetworkPolicy, true, DecisionTier.NotApplicable);
        Assert.Equal("web/agent uses the host network: NetworkPolicy does not apply to it", toAgent.Ingress.Steps.Single().Message);
        // Source host-network: its egress is not policed, but podSelector {} / namespaceSelector {} do not select it.
        model.Can("web/agent", "web/app", 8080).AssertVerdict(true, DecisionTier.NotApplicable, false, DecisionTier.NetworkPolicy);
    }

    [Fact]
    public void AHostNetworkPodIsMatchedByAnIpBlockOfItsAddress()
    {
        var model = Build(
            Pod("web/app", "10.0.0.1", "app: web"),
            Pod("web/agent", "192.168.1.5", "app: agent", hostNetwork: true),
            NetworkPolicy("web/from-nodes", """
                podSelector: {}
                ingress:
                - from: [{ipBlock: {cidr: 192.168.1.0/24}}]
                """));
        model.Can("web/agent", "web/app", 8080).AssertVerdict(true, DecisionTier.NotApplicable, true, DecisionTier.NetworkPolicy);
    }

    [Fact]
    public void APeerWithAnInvalidSelectorMatchesNothingAndIsReported()
    {
        var model = WithIngressFrom("""
              - podSelector:
                  matchExpressions:
                  - {key: role, operator: In, values: []}
            """);
        AssertAllowedSources(model);
        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal(("VT2001", "spec.ingress[0].from[0].podSelector"), (diagnostic.Code, diagnostic.FieldPath));
    }

    [Fact]
    public void IngressFromAnExternalAddressIsNotPolicedAtTheSource()
    {
        var verdict = WithIngressFrom("  - podSelector: {}").Can("198.51.100.7", "db/server", 5432);
        verdict.AssertVerdict(true, DecisionTier.NotApplicable, false, DecisionTier.NetworkPolicy);
        Assert.Equal("198.51.100.7 is outside the cluster: no policy applies to its egress", verdict.Egress.Steps.Single().Message);
    }
}
