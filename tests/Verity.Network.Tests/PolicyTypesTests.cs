using Verity.Network.Evaluation;
using static Verity.Network.Tests.TestCluster;

namespace Verity.Network.Tests;

/// <summary>
/// Which direction a NetworkPolicy isolates, and what an empty rule list means. Source:
/// https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/ (NetworkPolicySpec:
/// policyTypes, ingress, egress) and https://kubernetes.io/docs/concepts/services-networking/network-policies/
/// ("The two sorts of pod isolation", "Default policies").
/// </summary>
public sealed class PolicyTypesTests
{
    private static readonly string[] Pods =
    [
        Pod("web/a", "10.0.1.1", "app: a"),
        Pod("web/b", "10.0.1.2", "app: b"),
    ];

    private static Verity.Network.Evaluation.NetworkModel With(params string[] policies) => Build([.. Pods, .. policies]);

    [Fact]
    public void WithoutAnyPolicyEverythingIsAllowedByDefault()
    {
        // Concepts: "By default, a pod is non-isolated for egress ... for ingress; all inbound connections are allowed."
        With().Can("web/a", "web/b", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.Default);
    }

    [Fact]
    public void AbsentPolicyTypesWithoutEgressRulesIsolatesIngressOnly()
    {
        // API reference, policyTypes: "If this field is not specified, it will default based on the existence of
        // ingress or egress rules; policies that contain an egress section are assumed to affect egress, and all
        // policies (whether or not they contain an ingress section) are assumed to affect ingress."
        var model = With(NetworkPolicy("web/deny-in", "podSelector: {}"));
        model.Can("web/a", "web/b", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.NetworkPolicy);
    }

    [Fact]
    public void AbsentPolicyTypesWithEgressRulesAffectsBothDirections()
    {
        var model = With(NetworkPolicy("web/p", """
            podSelector: {matchLabels: {app: a}}
            egress:
            - to: [{podSelector: {matchLabels: {app: b}}}]
            """));
        model.Can("web/a", "web/b", 80).AssertVerdict(true, DecisionTier.NetworkPolicy, true, DecisionTier.Default);
        model.Can("web/a", "8.8.8.8", 443).AssertVerdict(false, DecisionTier.NetworkPolicy, true, DecisionTier.NotApplicable);
        // Ingress is implied too, and there is no ingress rule: web/a accepts nothing.
        model.Can("web/b", "web/a", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.NetworkPolicy);
    }

    [Fact]
    public void AbsentPolicyTypesWithAnEmptyEgressListDoesNotAffectEgress()
    {
        // "egress: []" is not an egress section with rules: policyTypes defaults to [Ingress] only.
        var model = With(NetworkPolicy("web/p", """
            podSelector: {}
            egress: []
            """));
        model.Can("web/a", "8.8.8.8", 443).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.NotApplicable);
        model.Can("web/a", "web/b", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.NetworkPolicy);
    }

    [Fact]
    public void AnEmptyPolicyTypesListIsDefaultedLikeAnAbsentOne()
    {
        // The API server defaults policyTypes when len(policyTypes) == 0 (pkg/apis/networking/v1/defaults.go,
        // SetDefaults_NetworkPolicy): an explicit [] still means [Ingress].
        var model = With(NetworkPolicy("web/p", """
            podSelector: {}
            policyTypes: []
            """));
        model.Can("web/a", "web/b", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.NetworkPolicy);
    }

    [Fact]
    public void EgressOnlyPolicyTypesWithoutRulesIsADefaultDenyEgress()
    {
        // Concepts, "Default deny all egress traffic": policyTypes [Egress] and no egress rules.
        var model = With(NetworkPolicy("web/deny-out", """
            podSelector: {}
            policyTypes: [Egress]
            """));
        model.Can("web/a", "web/b", 80).AssertVerdict(false, DecisionTier.NetworkPolicy, true, DecisionTier.Default);
        model.Can("web/a", "8.8.8.8", 53, Verity.Network.Model.Protocol.UDP).AssertVerdict(false, DecisionTier.NetworkPolicy, true, DecisionTier.NotApplicable);
    }

    [Fact]
    public void IngressOnlyPolicyTypesIgnoresTheEgressRules()
    {
        // The policy's egress rules only take effect when Egress is among policyTypes.
        var model = With(NetworkPolicy("web/p", """
            podSelector: {}
            policyTypes: [Ingress]
            ingress: [{}]
            egress:
            - to: [{ipBlock: {cidr: 192.0.2.0/24}}]
            """));
        model.Can("web/a", "8.8.8.8", 443).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.NotApplicable);
    }

    [Fact]
    public void EgressListedWithIngressRulesPresentDoesNotIsolateIngress()
    {
        var model = With(NetworkPolicy("web/p", """
            podSelector: {}
            policyTypes: [Egress]
            ingress: []
            egress: [{}]
            """));
        model.Can("web/a", "web/b", 80).AssertVerdict(true, DecisionTier.NetworkPolicy, true, DecisionTier.Default);
    }

    [Fact]
    public void AnEmptyIngressListDeniesAllIngress()
    {
        var model = With(NetworkPolicy("web/deny-in", """
            podSelector: {}
            policyTypes: [Ingress]
            ingress: []
            """));
        var verdict = model.Can("web/a", "web/b", 80);
        verdict.AssertVerdict(true, DecisionTier.Default, false, DecisionTier.NetworkPolicy);
        Assert.Equal(
            [
                new ExplainStep(DecisionTier.NetworkPolicy, "NetworkPolicy web/deny-in", "selects web/b for ingress and allows nothing"),
                new ExplainStep(DecisionTier.NetworkPolicy, null, "web/b is isolated for ingress by deny-in and no rule allows this connection"),
            ],
            verdict.Ingress.Steps);
    }

    [Fact]
    public void AnIngressListWithOneEmptyRuleAllowsAllIngressIncludingExternal()
    {
        // Concepts, "Allow all ingress traffic": ingress: [{}].
        var model = With(NetworkPolicy("web/allow-in", """
            podSelector: {}
            ingress: [{}]
            """));
        model.Can("web/a", "web/b", 12345).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.NetworkPolicy);
        var external = model.Can("203.0.113.9", "web/b", 443, Verity.Network.Model.Protocol.UDP);
        external.AssertVerdict(true, DecisionTier.NotApplicable, true, DecisionTier.NetworkPolicy);
        Assert.Equal(
            new ExplainStep(DecisionTier.NetworkPolicy, "NetworkPolicy web/allow-in", "ingress rule #0 allows it (from any peer; port any port)"),
            external.Ingress.Steps[^1]);
    }

    [Fact]
    public void AnEgressListWithOneEmptyRuleAllowsAllEgress()
    {
        // Concepts, "Allow all egress traffic": egress: [{}] with policyTypes [Egress].
        var model = With(
            NetworkPolicy("web/deny-out", "podSelector: {}\npolicyTypes: [Egress]"),
            NetworkPolicy("web/allow-out", "podSelector: {}\npolicyTypes: [Egress]\negress: [{}]"));
        model.Can("web/a", "8.8.8.8", 53, Verity.Network.Model.Protocol.UDP).AssertVerdict(true, DecisionTier.NetworkPolicy, true, DecisionTier.NotApplicable);
        model.Can("web/a", "web/b", 80).AssertVerdict(true, DecisionTier.NetworkPolicy, true, DecisionTier.Default);
    }

    [Fact]
    public void AnAbsentSpecPodSelectorSelectsEveryPodOfTheNamespace()
    {
        // podSelector is not a pointer in the API: absent and {} are the same and select all pods of the namespace.
        var model = With(NetworkPolicy("web/p", "policyTypes: [Ingress]"));
        model.Can("web/a", "web/b", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.NetworkPolicy);
        model.Can("web/b", "web/a", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.NetworkPolicy);
    }

    [Fact]
    public void ASpecPodSelectorIsolatesOnlyThePodsItSelects()
    {
        var model = With(NetworkPolicy("web/p", "podSelector: {matchLabels: {app: b}}"));
        model.Can("web/a", "web/b", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.NetworkPolicy);
        model.Can("web/b", "web/a", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.Default);
    }

    [Fact]
    public void ASpecPodSelectorWithMatchExpressionsIsolatesThePodsItSelects()
    {
        var model = With(NetworkPolicy("web/p", """
            podSelector:
              matchExpressions:
              - {key: app, operator: NotIn, values: [a]}
            """));
        model.Can("web/a", "web/b", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.NetworkPolicy);
        model.Can("web/b", "web/a", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.Default);
    }

    [Fact]
    public void APolicyDoesNotSelectPodsOfAnotherNamespace()
    {
        // A NetworkPolicy is namespaced: spec.podSelector "selects the pods to which this NetworkPolicy object
        // applies" within the policy's namespace.
        var model = Build([.. Pods, Pod("shop/c", "10.0.2.1", "app: b"), NetworkPolicy("web/deny-in", "podSelector: {}")]);
        model.Can("web/a", "shop/c", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.Default);
        model.Can("shop/c", "web/a", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.NetworkPolicy);
    }

    [Fact]
    public void AConnectionNeedsEgressAtTheSourceAndIngressAtTheDestination()
    {
        // Concepts: "for a connection from a source pod to a destination pod to be allowed, both the egress policy
        // on the source pod and the ingress policy on the destination pod need to allow the connection."
        var model = With(
            NetworkPolicy("web/a-out", "podSelector: {matchLabels: {app: a}}\npolicyTypes: [Egress]\negress: [{}]"),
            NetworkPolicy("web/b-in", "podSelector: {matchLabels: {app: b}}\npolicyTypes: [Ingress]"));
        model.Can("web/a", "web/b", 80).AssertVerdict(true, DecisionTier.NetworkPolicy, false, DecisionTier.NetworkPolicy);

        var reversed = With(
            NetworkPolicy("web/a-out", "podSelector: {matchLabels: {app: a}}\npolicyTypes: [Egress]"),
            NetworkPolicy("web/b-in", "podSelector: {matchLabels: {app: b}}\ningress: [{}]"));
        reversed.Can("web/a", "web/b", 80).AssertVerdict(false, DecisionTier.NetworkPolicy, true, DecisionTier.NetworkPolicy);
    }

    [Fact]
    public void PoliciesAreAdditiveSoADenyAllCannotTakeAwayAnotherPolicysAllow()
    {
        // Concepts: "Network policies do not conflict; they are additive ... the allowed connections are the union."
        var policies = new[]
        {
            NetworkPolicy("web/deny-all", "podSelector: {}\npolicyTypes: [Ingress, Egress]"),
            NetworkPolicy("web/a-to-b", """
                podSelector: {matchLabels: {app: b}}
                ingress:
                - from: [{podSelector: {matchLabels: {app: a}}}]
                """),
            NetworkPolicy("web/a-out", """
                podSelector: {matchLabels: {app: a}}
                egress:
                - to: [{podSelector: {matchLabels: {app: b}}}]
                """),
        };
        var model = With(policies);
        var verdict = model.Can("web/a", "web/b", 80);
        verdict.AssertVerdict(true, DecisionTier.NetworkPolicy, true, DecisionTier.NetworkPolicy);
        Assert.Equal("NetworkPolicy web/a-to-b", verdict.Ingress.Steps[^1].Policy);
        // The other way around nothing allows it.
        model.Can("web/b", "web/a", 80).AssertVerdict(false, DecisionTier.NetworkPolicy, false, DecisionTier.NetworkPolicy);
        // Order of the policies in the input does not matter.
        With([.. policies.Reverse()]).Can("web/a", "web/b", 80).AssertVerdict(true, DecisionTier.NetworkPolicy, true, DecisionTier.NetworkPolicy);
    }

    [Fact]
    public void APodCanAlwaysReachItself()
    {
        // Concepts: traffic to and from the node/pod itself is not restricted ("a pod cannot block access to itself").
        var model = With(NetworkPolicy("web/deny-all", "podSelector: {}\npolicyTypes: [Ingress, Egress]"));
        var verdict = model.Can("web/a", "web/a", 8080);
        verdict.AssertVerdict(true, DecisionTier.NotApplicable, true, DecisionTier.NotApplicable);
        Assert.Equal([new ExplainStep(DecisionTier.NotApplicable, null, "a pod can always reach itself")], verdict.Ingress.Steps);
    }

    [Fact]
    public void AnUnknownPolicyTypeIsReported()
    {
        var model = With(NetworkPolicy("web/p", "podSelector: {}\npolicyTypes: [Ingres]"));
        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal("VT2001", diagnostic.Code);
        Assert.Equal("NetworkPolicy web/p: unknown policy type \"Ingres\" (Ingress or Egress)", diagnostic.Message);
    }
}
