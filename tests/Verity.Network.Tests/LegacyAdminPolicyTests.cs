using Verity.Network.Evaluation;
using Verity.Network.Model;
using static Verity.Network.Tests.TestCluster;

namespace Verity.Network.Tests;

/// <summary>
/// The older policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy (Admin tier: priority, actions Allow|Deny|Pass,
/// ports portNumber/namedPort/portRange) and BaselineAdminNetworkPolicy (Baseline tier: Allow|Deny), from
/// kubernetes-sigs/network-policy-api apis/v1alpha1/adminnetworkpolicy_types.go and baselineadminnetworkpolicy_types.go.
/// They sit in the same tiers as v1alpha2 ClusterNetworkPolicy: Admin → NetworkPolicy → Baseline → default allow.
/// </summary>
public sealed class LegacyAdminPolicyTests
{
    private static readonly string[] Cluster =
    [
        Namespace("prod", "env: prod"),
        Namespace("dev", "env: dev"),
        Pod("prod/web", "10.0.0.1", "app: web", false, "{name: http, containerPort: 8080}"),
        Pod("prod/db", "10.0.0.2", "app: db"),
        Pod("dev/tool", "10.0.1.1", "app: tool"),
    ];

    private static NetworkModel With(params string[] policies) => Build([.. Cluster, .. policies]);

    private static string Anp(string name, int priority, string rest) =>
        ClusterObject("policy.networking.k8s.io/v1alpha1", "AdminNetworkPolicy", name,
            $"priority: {priority}\nsubject: {{namespaces: {{matchLabels: {{env: prod}}}}}}\n{rest.Trim('\n')}");

    private static string Banp(string rest) =>
        ClusterObject("policy.networking.k8s.io/v1alpha1", "BaselineAdminNetworkPolicy", "default",
            $"subject: {{namespaces: {{}}}}\n{rest.Trim('\n')}");

    private static readonly string DenyAllInProd = NetworkPolicy("prod/deny-all", "podSelector: {}");
    private static readonly string AllowAllInProd = NetworkPolicy("prod/allow-all", "podSelector: {}\ningress: [{}]");

    [Fact]
    public void AnAllowOverridesANetworkPolicyDefaultDeny()
    {
        var model = With(DenyAllInProd, Anp("allow-dev", 10, """
            ingress:
            - {name: dev, action: Allow, from: [{namespaces: {matchLabels: {env: dev}}}]}
            """));
        var verdict = model.Can("dev/tool", "prod/web", 8080);
        verdict.AssertVerdict(true, DecisionTier.Default, true, DecisionTier.Admin);
        Assert.Equal(
            new ExplainStep(DecisionTier.Admin, "AdminNetworkPolicy allow-dev",
                "ingress rule #0 \"dev\" matches (from all pods in namespaces with env=dev; port any port): Accept"),
            verdict.Ingress.Steps.Single());
        model.Can("prod/db", "prod/web", 8080).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.NetworkPolicy);
    }

    [Theory]
    [InlineData(Protocol.TCP, 5432, false)]
    [InlineData(Protocol.TCP, 5433, true)]
    [InlineData(Protocol.UDP, 5432, true)]
    public void ADenyOnAPortNumberBeatsANetworkPolicyAllow(Protocol protocol, int port, bool allowed)
    {
        var model = With(AllowAllInProd, Anp("no-dev-db", 10, """
            ingress:
            - action: Deny
              from: [{pods: {namespaceSelector: {matchLabels: {env: dev}}, podSelector: {}}}]
              ports: [{portNumber: {protocol: TCP, port: 5432}}]
            """));
        model.Can("dev/tool", "prod/db", port, protocol)
            .AssertVerdict(true, DecisionTier.Default, allowed, allowed ? DecisionTier.NetworkPolicy : DecisionTier.Admin);
    }

    [Theory]
    [InlineData(Protocol.TCP, 8999, true)]
    [InlineData(Protocol.TCP, 9000, false)]
    [InlineData(Protocol.TCP, 9100, false)]
    [InlineData(Protocol.TCP, 9101, true)]
    [InlineData(Protocol.UDP, 9050, true)]
    public void APortRangeIsInclusiveAndPerProtocol(Protocol protocol, int port, bool allowed)
    {
        var model = With(Anp("no-range", 10, """
            ingress:
            - action: Deny
              from: [{namespaces: {}}]
              ports: [{portRange: {protocol: TCP, start: 9000, end: 9100}}]
            """));
        Assert.Equal(allowed, model.Can("dev/tool", "prod/web", port, protocol).Allowed);
    }

    [Fact]
    public void ANamedPortResolvesOnTheDestinationPod()
    {
        var model = With(Anp("no-http", 10, """
            ingress:
            - {action: Deny, from: [{namespaces: {}}], ports: [{namedPort: http}]}
            """));
        Assert.False(model.Can("dev/tool", "prod/web", 8080).Allowed);
        Assert.True(model.Can("dev/tool", "prod/web", 8081).Allowed);
        Assert.True(model.Can("dev/tool", "prod/db", 8080).Allowed);
    }

    [Fact]
    public void APassHandsTheDecisionToNetworkPolicyAndThenToTheBaseline()
    {
        var model = With(
            NetworkPolicy("prod/web-from-dev", """
                podSelector: {matchLabels: {app: web}}
                ingress:
                - from: [{namespaceSelector: {matchLabels: {env: dev}}}]
                """),
            Anp("pass-dev", 1, """
                ingress:
                - {action: Pass, from: [{namespaces: {matchLabels: {env: dev}}}]}
                """),
            Anp("deny-rest", 2, """
                ingress:
                - {action: Deny, from: [{namespaces: {}}]}
                """),
            Banp("""
                ingress:
                - {action: Deny, from: [{namespaces: {}}]}
                """));
        model.Can("dev/tool", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.NetworkPolicy);
        model.Can("dev/tool", "prod/db", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.Baseline);
        model.Can("prod/db", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.Admin);
    }

    [Theory]
    [InlineData(1, 2, false)]
    [InlineData(3, 2, true)]
    public void TheLowerPriorityNumberWins(int denyPriority, int allowPriority, bool allowed)
    {
        var model = With(
            Anp("deny", denyPriority, "ingress:\n- {action: Deny, from: [{namespaces: {}}]}"),
            Anp("allow", allowPriority, "ingress:\n- {action: Allow, from: [{namespaces: {}}]}"));
        model.Can("dev/tool", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, allowed, DecisionTier.Admin);
    }

    [Fact]
    public void ABaselineDenyAppliesOnlyWhereNoNetworkPolicySelects()
    {
        var model = With(
            NetworkPolicy("prod/web-open", "podSelector: {matchLabels: {app: web}}\ningress: [{}]"),
            Banp("""
                ingress:
                - {action: Allow, from: [{namespaces: {matchLabels: {env: prod}}}]}
                - {action: Deny, from: [{namespaces: {}}]}
                """));
        model.Can("dev/tool", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.NetworkPolicy);
        model.Can("dev/tool", "prod/db", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.Baseline);
        model.Can("prod/web", "prod/db", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.Baseline);
    }

    [Fact]
    public void ABaselineEgressDenyToNetworksAlsoMatchesPods()
    {
        var model = Build(new NetworkOptions { IpBlockMatchesPods = false }, [.. Cluster, Banp("""
            egress:
            - {action: Deny, to: [{networks: [10.0.0.0/24]}]}
            """)]);
        model.Can("dev/tool", "prod/web", 80).AssertVerdict(false, DecisionTier.Baseline, true, DecisionTier.Default);
        model.Can("dev/tool", "8.8.8.8", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.NotApplicable);
    }

    [Fact]
    public void TheV1alpha2ActionNameAcceptIsInvalidInV1alpha1AndTheRuleIsIgnored()
    {
        var model = With(DenyAllInProd, Anp("wrong-verb", 10, """
            ingress:
            - {action: Accept, from: [{namespaces: {}}]}
            """));
        model.Can("dev/tool", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.NetworkPolicy);
        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal(("spec.ingress[0].action", "AdminNetworkPolicy wrong-verb: action must be Allow, Deny or Pass, found \"Accept\"; the rule is ignored"),
            (diagnostic.FieldPath, diagnostic.Message));
    }

    [Fact]
    public void PassIsNotABaselineAction()
    {
        var model = With(Banp("""
            ingress:
            - {action: Pass, from: [{namespaces: {}}]}
            """));
        model.Can("dev/tool", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.Default);
        Assert.Equal("BaselineAdminNetworkPolicy default: action must be Allow or Deny, found \"Pass\"; the rule is ignored",
            Assert.Single(model.Diagnostics).Message);
    }

    [Fact]
    public void AnAdminNetworkPolicyWithoutAPriorityIsReported()
    {
        var model = With(ClusterObject("policy.networking.k8s.io/v1alpha1", "AdminNetworkPolicy", "no-priority", """
            subject: {namespaces: {}}
            ingress:
            - {action: Deny, from: [{namespaces: {}}]}
            """));
        Assert.Equal(("spec.priority", "AdminNetworkPolicy no-priority: priority must be an integer from 0 to 1000"),
            (Assert.Single(model.Diagnostics).FieldPath, model.Diagnostics[0].Message));
    }
}
