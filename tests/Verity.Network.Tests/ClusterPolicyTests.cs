using Verity.Network.Evaluation;
using Verity.Network.Model;
using static Verity.Network.Tests.TestCluster;

namespace Verity.Network.Tests;

/// <summary>
/// ClusterNetworkPolicy policy.networking.k8s.io/v1alpha2, from kubernetes-sigs/network-policy-api
/// apis/v1alpha2/clusternetworkpolicy_types.go: tiers are evaluated Admin → NetworkPolicy → Baseline → default allow
/// (ClusterNetworkPolicySpec.Tier); within a tier lower priority values come first and rules apply in written order;
/// Accept and Deny are final, Pass skips the rest of the tier; "v1.NetworkPolicy always makes a final decision for
/// selected pods"; host-networked pods are not selected by subject nor by namespaces/pods peers; networks CIDRs also
/// match cluster-internal traffic; an unrecognised peer fails closed.
/// </summary>
public sealed class ClusterPolicyTests
{
    private static readonly string[] Cluster =
    [
        Namespace("prod", "env: prod"),
        Namespace("dev", "env: dev"),
        Pod("prod/web", "10.0.0.1", "app: web", false, "{name: http, containerPort: 8080}"),
        Pod("prod/db", "10.0.0.2", "app: db"),
        Pod("dev/tool", "10.0.1.1", "app: tool"),
        Pod("kube-system/agent", "192.168.0.10", "app: agent", hostNetwork: true),
    ];

    private static NetworkModel With(params string[] policies) => Build([.. Cluster, .. policies]);

    private static string Admin(string name, int priority, string rest) =>
        ClusterNetworkPolicy(name, $"tier: Admin\npriority: {priority}\n{rest.Trim('\n')}");

    private static string Baseline(string name, string rest) =>
        ClusterNetworkPolicy(name, $"tier: Baseline\npriority: 0\n{rest.Trim('\n')}");

    private const string ProdSubject = "subject: {namespaces: {matchLabels: {env: prod}}}";

    private static readonly string AllowAllInProd = NetworkPolicy("prod/allow-all", "podSelector: {}\ningress: [{}]");
    private static readonly string DenyAllInProd = NetworkPolicy("prod/deny-all", "podSelector: {}\npolicyTypes: [Ingress]");

    [Fact]
    public void AnAdminDenyBeatsANetworkPolicyAllow()
    {
        var model = With(AllowAllInProd, Admin("no-dev", 10, ProdSubject + "\n" + """
            ingress:
            - name: block-dev
              action: Deny
              from: [{namespaces: {matchLabels: {env: dev}}}]
            """));
        var verdict = model.Can("dev/tool", "prod/web", 8080);
        verdict.AssertVerdict(true, DecisionTier.Default, false, DecisionTier.Admin);
        Assert.Equal(
            [new ExplainStep(DecisionTier.Admin, "ClusterNetworkPolicy no-dev",
                "ingress rule #0 \"block-dev\" matches (from all pods in namespaces with env=dev; port any port): Deny")],
            verdict.Ingress.Steps);
        // Other sources fall through to the NetworkPolicy, which allows them.
        model.Can("prod/db", "prod/web", 8080).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.NetworkPolicy);
    }

    [Fact]
    public void AnAdminAcceptOverridesANetworkPolicyDefaultDeny()
    {
        var model = With(DenyAllInProd, Admin("dev-may-debug", 10, ProdSubject + "\n" + """
            ingress:
            - action: Accept
              from: [{namespaces: {matchLabels: {env: dev}}}]
              protocols: [{tcp: {destinationPort: {number: 8080}}}]
            """));
        model.Can("dev/tool", "prod/web", 8080).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.Admin);
        model.Can("dev/tool", "prod/web", 9090).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.NetworkPolicy);
        model.Can("prod/db", "prod/web", 8080).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.NetworkPolicy);
    }

    [Fact]
    public void AnAdminPassHandsTheDecisionToNetworkPolicy()
    {
        var model = With(
            NetworkPolicy("prod/from-dev", """
                podSelector: {matchLabels: {app: web}}
                ingress:
                - from: [{namespaceSelector: {matchLabels: {env: dev}}}]
                """),
            Admin("pass-dev", 1, ProdSubject + "\n" + """
                ingress:
                - {name: delegate, action: Pass, from: [{namespaces: {matchLabels: {env: dev}}}]}
                """),
            Admin("deny-all", 2, ProdSubject + "\n" + """
                ingress:
                - {action: Deny, from: [{namespaces: {}}]}
                """));
        // Pass skips deny-all (later in the Admin tier); the NetworkPolicy allows dev.
        model.Can("dev/tool", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.NetworkPolicy);
        // db is selected by no NetworkPolicy and there is no Baseline: after the Pass, the default allows.
        model.Can("dev/tool", "prod/db", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.Default);
        // Not passed: the lower-precedence Admin deny applies even though the NetworkPolicy would allow.
        model.Can("prod/db", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.Admin);
    }

    [Fact]
    public void AnAdminPassToAPodANetworkPolicyIsolatesIsDecidedByThatPolicy()
    {
        var model = With(DenyAllInProd, Admin("pass-all", 1, ProdSubject + "\n" + """
            ingress:
            - {action: Pass, from: [{namespaces: {}}]}
            """));
        model.Can("dev/tool", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.NetworkPolicy);
    }

    [Fact]
    public void AnAdminPassWithoutANetworkPolicyFallsToTheBaselineTier()
    {
        var model = With(
            Admin("pass-dev", 5, ProdSubject + "\n" + """
                ingress:
                - {name: delegate, action: Pass, from: [{namespaces: {matchLabels: {env: dev}}}]}
                """),
            Baseline("default-deny", """
                subject: {namespaces: {}}
                ingress:
                - {name: deny-all, action: Deny, from: [{namespaces: {}}]}
                """));
        var verdict = model.Can("dev/tool", "prod/web", 8080);
        verdict.AssertVerdict(true, DecisionTier.Default, false, DecisionTier.Baseline);
        Assert.Equal(
            [
                new ExplainStep(DecisionTier.Admin, "ClusterNetworkPolicy pass-dev",
                    "ingress rule #0 \"delegate\" matches (from all pods in namespaces with env=dev; port any port): Pass — the rest of the Admin tier is skipped"),
                new ExplainStep(DecisionTier.NetworkPolicy, null, "no NetworkPolicy selects prod/web for ingress"),
                new ExplainStep(DecisionTier.Baseline, "ClusterNetworkPolicy default-deny",
                    "ingress rule #0 \"deny-all\" matches (from all pods in all namespaces; port any port): Deny"),
            ],
            verdict.Ingress.Steps);
    }

    [Fact]
    public void ABaselineDenyIsOverriddenByANetworkPolicyAllow()
    {
        var model = With(
            NetworkPolicy("prod/from-dev", """
                podSelector: {matchLabels: {app: web}}
                ingress:
                - from: [{namespaceSelector: {matchLabels: {env: dev}}}]
                """),
            Baseline("default-deny", """
                subject: {namespaces: {}}
                ingress:
                - {action: Deny, from: [{namespaces: {}}]}
                """));
        model.Can("dev/tool", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.NetworkPolicy);
        // db is not selected by any NetworkPolicy: the Baseline decides.
        model.Can("dev/tool", "prod/db", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.Baseline);
    }

    [Fact]
    public void TheBaselineTierAppliesOnlyToPodsNoNetworkPolicySelectsInThatDirection()
    {
        var model = With(
            NetworkPolicy("prod/web-in", """
                podSelector: {matchLabels: {app: web}}
                ingress:
                - from: [{podSelector: {matchLabels: {app: db}}}]
                """),
            NetworkPolicy("prod/db-out", "podSelector: {matchLabels: {app: db}}\npolicyTypes: [Egress]\negress: [{}]"),
            Baseline("accept-dev", """
                subject: {namespaces: {}}
                ingress:
                - {action: Accept, from: [{namespaces: {matchLabels: {env: dev}}}]}
                """));
        // web is selected for ingress: the NetworkPolicy's answer is final, the Baseline Accept does not apply.
        model.Can("dev/tool", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.NetworkPolicy);
        // db is selected only for egress: its ingress is decided by the Baseline.
        model.Can("dev/tool", "prod/db", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.Baseline);
        // No Baseline rule matches a prod source: default allow.
        model.Can("prod/web", "prod/db", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.Default);
    }

    [Fact]
    public void ABaselinePassContinuesToTheDefaultAllow()
    {
        var model = With(Baseline("pass-then-deny", """
            subject: {namespaces: {}}
            ingress:
            - {action: Pass, from: [{namespaces: {matchLabels: {env: dev}}}]}
            - {action: Deny, from: [{namespaces: {}}]}
            """));
        model.Can("dev/tool", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.Default);
        model.Can("prod/db", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.Baseline);
    }

    [Fact]
    public void NetworksMatchPodIpsEvenWhenIpBlocksDoNot()
    {
        // Networks: "cluster-internal traffic will be checked against the rule as well".
        var model = Build(new NetworkOptions { IpBlockMatchesPods = false }, [.. Cluster, Admin("no-prod-from-dev", 10, """
            subject: {namespaces: {matchLabels: {env: dev}}}
            egress:
            - {name: prod-range, action: Deny, to: [{networks: [10.0.0.0/24]}]}
            """)]);
        var verdict = model.Can("dev/tool", "prod/web", 8080);
        verdict.AssertVerdict(false, DecisionTier.Admin, true, DecisionTier.Default);
        Assert.Equal("egress rule #0 \"prod-range\" matches (to addresses in 10.0.0.0/24; port any port): Deny", verdict.Egress.Steps.Single().Message);
        model.Can("dev/tool", "10.0.0.77", 443).AssertVerdict(false, DecisionTier.Admin, true, DecisionTier.NotApplicable);
        model.Can("dev/tool", "8.8.8.8", 443).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.NotApplicable);
    }

    [Theory]
    [InlineData(10, 20, true)]
    [InlineData(30, 20, false)]
    public void TheLowerPriorityNumberIsEvaluatedFirst(int acceptPriority, int denyPriority, bool allowed)
    {
        var model = With(
            Admin("deny-dev", denyPriority, ProdSubject + "\n" + """
                ingress:
                - {action: Deny, from: [{namespaces: {matchLabels: {env: dev}}}]}
                """),
            Admin("accept-dev", acceptPriority, ProdSubject + "\n" + """
                ingress:
                - {action: Accept, from: [{namespaces: {matchLabels: {env: dev}}}]}
                """));
        var verdict = model.Can("dev/tool", "prod/web", 80);
        verdict.AssertVerdict(true, DecisionTier.Default, allowed, DecisionTier.Admin);
        Assert.Equal(allowed ? "ClusterNetworkPolicy accept-dev" : "ClusterNetworkPolicy deny-dev", verdict.Ingress.Steps.Single().Policy);
    }

    [Fact]
    public void RulesOfOnePolicyApplyInWrittenOrder()
    {
        var acceptFirst = With(Admin("ordered", 10, ProdSubject + "\n" + """
            ingress:
            - {name: dev-ok, action: Accept, from: [{namespaces: {matchLabels: {env: dev}}}]}
            - {name: rest-no, action: Deny, from: [{namespaces: {}}]}
            """));
        acceptFirst.Can("dev/tool", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.Admin);
        var denied = acceptFirst.Can("prod/db", "prod/web", 80);
        denied.AssertVerdict(true, DecisionTier.Default, false, DecisionTier.Admin);
        Assert.Equal(
            [
                "ingress rule #0 \"dev-ok\" (Accept) does not match: prod/db is not among all pods in namespaces with env=dev",
                "ingress rule #1 \"rest-no\" matches (from all pods in all namespaces; port any port): Deny",
            ],
            denied.Ingress.Steps.Select(s => s.Message));

        var denyFirst = With(Admin("ordered", 10, ProdSubject + "\n" + """
            ingress:
            - {name: rest-no, action: Deny, from: [{namespaces: {}}]}
            - {name: dev-ok, action: Accept, from: [{namespaces: {matchLabels: {env: dev}}}]}
            """));
        denyFirst.Can("dev/tool", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.Admin);
    }

    [Fact]
    public void APassSkipsTheRestOfTheAdminTierAcrossPolicies()
    {
        var model = With(
            Admin("a-pass", 1, "subject: {namespaces: {}}\ningress:\n- {action: Pass, from: [{namespaces: {}}]}"),
            Admin("b-deny", 2, "subject: {namespaces: {}}\ningress:\n- {action: Deny, from: [{namespaces: {}}]}"));
        model.Can("dev/tool", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.Default);
    }

    [Fact]
    public void AnAdminEgressAcceptStillNeedsIngressAtTheDestination()
    {
        var model = With(DenyAllInProd, Admin("dev-out", 10, """
            subject: {namespaces: {matchLabels: {env: dev}}}
            egress:
            - {action: Accept, to: [{namespaces: {}}]}
            """));
        var verdict = model.Can("dev/tool", "prod/web", 80);
        verdict.AssertVerdict(true, DecisionTier.Admin, false, DecisionTier.NetworkPolicy);
        Assert.False(verdict.Allowed);
    }

    [Fact]
    public void AnAdminEgressDenyIsDecidedAtTheSource()
    {
        var model = With(AllowAllInProd, Admin("dev-no-prod", 10, """
            subject: {namespaces: {matchLabels: {env: dev}}}
            egress:
            - {action: Deny, to: [{pods: {namespaceSelector: {matchLabels: {env: prod}}, podSelector: {matchLabels: {app: db}}}}]}
            """));
        model.Can("dev/tool", "prod/db", 5432).AssertVerdict(false, DecisionTier.Admin, true, DecisionTier.NetworkPolicy);
        model.Can("dev/tool", "prod/web", 5432).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.NetworkPolicy);
    }

    [Fact]
    public void HostNetworkPodsAreNeitherSubjectsNorNamespacePeers()
    {
        // "Note that host-networked pods are not included in subject selection" and "in this type of peer".
        var model = With(Admin("deny-everything", 10, """
            subject: {namespaces: {}}
            ingress:
            - {action: Deny, from: [{namespaces: {}}]}
            egress:
            - {action: Deny, to: [{namespaces: {}}]}
            """));
        model.Can("dev/tool", "kube-system/agent", 9100).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.NotApplicable);
        model.Can("kube-system/agent", "prod/web", 8080).AssertVerdict(true, DecisionTier.NotApplicable, true, DecisionTier.Default);
        model.Can("dev/tool", "prod/web", 8080).AssertVerdict(false, DecisionTier.Admin, false, DecisionTier.Admin);
    }

    [Fact]
    public void AHostNetworkPodIsMatchedByANetworksPeer()
    {
        var model = With(Admin("no-nodes", 10, ProdSubject + "\n" + """
            ingress:
            - {action: Deny, from: [{networks: [192.168.0.0/16]}]}
            """));
        model.Can("kube-system/agent", "prod/web", 8080).AssertVerdict(true, DecisionTier.NotApplicable, false, DecisionTier.Admin);
    }

    [Fact]
    public void APodsSubjectSelectsByNamespaceAndPodLabels()
    {
        var model = With(Admin("protect-db", 10, """
            subject: {pods: {namespaceSelector: {matchLabels: {env: prod}}, podSelector: {matchLabels: {app: db}}}}
            ingress:
            - {action: Deny, from: [{namespaces: {matchLabels: {env: dev}}}]}
            """));
        model.Can("dev/tool", "prod/db", 5432).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.Admin);
        model.Can("dev/tool", "prod/web", 5432).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.Default);
    }

    [Fact]
    public void APodsPeerWithAnEmptyNamespaceSelectorSelectsPodsInEveryNamespace()
    {
        var model = With(Admin("no-tools", 10, ProdSubject + "\n" + """
            ingress:
            - {action: Deny, from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: tool}}}}]}
            """));
        model.Can("dev/tool", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.Admin);
        model.Can("prod/db", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.Default);
    }

    [Theory]
    [InlineData(Protocol.TCP, 80, false)]
    [InlineData(Protocol.TCP, 81, true)]
    [InlineData(Protocol.TCP, 7999, true)]
    [InlineData(Protocol.TCP, 8000, false)]
    [InlineData(Protocol.TCP, 8099, false)]
    [InlineData(Protocol.TCP, 8100, true)]
    [InlineData(Protocol.UDP, 5353, false)]
    [InlineData(Protocol.SCTP, 80, true)]
    public void ProtocolsMatchPortNumbersInclusiveRangesAndWholeProtocols(Protocol protocol, int port, bool allowed)
    {
        var model = With(Admin("ports", 10, ProdSubject + "\n" + """
            ingress:
            - action: Deny
              from: [{namespaces: {matchLabels: {env: dev}}}]
              protocols:
              - tcp: {destinationPort: {number: 80}}
              - tcp: {destinationPort: {range: {start: 8000, end: 8099}}}
              - udp: {}
            """));
        var verdict = model.Can("dev/tool", "prod/web", port, protocol);
        verdict.AssertVerdict(true, DecisionTier.Default, allowed, allowed ? DecisionTier.Default : DecisionTier.Admin);
    }

    [Theory]
    [InlineData(Protocol.TCP, 8080, false)]
    [InlineData(Protocol.TCP, 9090, true)]
    [InlineData(Protocol.UDP, 8080, true)]
    public void ADestinationNamedPortResolvesOnTheDestinationWithItsProtocol(Protocol protocol, int port, bool allowed)
    {
        var model = With(Admin("no-http", 10, ProdSubject + "\n" + """
            ingress:
            - {action: Deny, from: [{namespaces: {}}], protocols: [{destinationNamedPort: http}]}
            """));
        Assert.Equal(allowed, model.Can("dev/tool", "prod/web", port, protocol).Allowed);
        // prod/db declares no "http" port.
        Assert.True(model.Can("dev/tool", "prod/db", 8080).Allowed);
    }

    [Theory]
    [InlineData(Protocol.SCTP, 9999, false)]
    [InlineData(Protocol.SCTP, 9998, true)]
    [InlineData(Protocol.TCP, 9999, true)]
    public void AnSctpProtocolEntryMatchesOnlySctp(Protocol protocol, int port, bool allowed)
    {
        var model = With(Admin("no-sctp", 10, ProdSubject + "\n" + """
            ingress:
            - {action: Deny, from: [{namespaces: {}}], protocols: [{sctp: {destinationPort: {number: 9999}}}]}
            """));
        Assert.Equal(allowed, model.Can("dev/tool", "prod/web", port, protocol).Allowed);
    }

    [Theory]
    [InlineData(10, 20, true)]
    [InlineData(30, 20, false)]
    public void BaselinePoliciesAreOrderedByPriorityToo(int acceptPriority, int denyPriority, bool allowed)
    {
        var model = With(
            ClusterNetworkPolicy("b-deny", $"tier: Baseline\npriority: {denyPriority}\nsubject: {{namespaces: {{}}}}\ningress:\n- {{action: Deny, from: [{{namespaces: {{}}}}]}}"),
            ClusterNetworkPolicy("b-accept", $"tier: Baseline\npriority: {acceptPriority}\nsubject: {{namespaces: {{}}}}\ningress:\n- {{action: Accept, from: [{{namespaces: {{}}}}]}}"));
        model.Can("dev/tool", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, allowed, DecisionTier.Baseline);
    }

    [Fact]
    public void ARuleWithoutProtocolsMatchesEveryPortAndProtocol()
    {
        var model = With(Admin("all", 10, ProdSubject + "\n" + """
            ingress:
            - {action: Deny, from: [{namespaces: {}}]}
            """));
        Assert.Equal([false, false, false],
            new[] { (1, Protocol.TCP), (53, Protocol.UDP), (9999, Protocol.SCTP) }.Select(c => model.Can("dev/tool", "prod/web", c.Item1, c.Item2).Allowed));
    }

    [Fact]
    public void AnUnknownPeerInAnAcceptRuleMatchesNothing()
    {
        // Fail closed: 'For "Accept" rules, "fail closed" means: "treat the rule as matching no traffic".'
        var model = With(DenyAllInProd, Admin("future", 10, ProdSubject + "\n" + """
            ingress:
            - {action: Accept, from: [{services: {name: x}}]}
            """));
        model.Can("dev/tool", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.NetworkPolicy);
        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal(("VT2001", "spec.ingress[0].from[0]", "ClusterNetworkPolicy future: unknown peer type; failing closed"),
            (diagnostic.Code, diagnostic.FieldPath, diagnostic.Message));
    }

    [Fact]
    public void AnUnknownPeerInADenyRuleDeniesEverything()
    {
        // 'For "Deny" and "Pass" rules, "fail closed" means: "treat the rule as a 'Deny all' rule".'
        var model = With(AllowAllInProd, Admin("future", 10, ProdSubject + "\n" + """
            ingress:
            - {action: Deny, from: [{}]}
            """));
        model.Can("dev/tool", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.Admin);
        model.Can("prod/db", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.Admin);
        model.Can("8.8.8.8", "prod/web", 80).AssertVerdict(true, DecisionTier.NotApplicable, false, DecisionTier.Admin);
        Assert.Equal("spec.ingress[0].from[0]", Assert.Single(model.Diagnostics).FieldPath);
    }

    [Fact]
    public void AnUnknownPeerInAPassRuleDeniesEverything()
    {
        // 'For "Deny" and "Pass" rules, "fail closed" means: "treat the rule as a 'Deny all' rule".' A Pass that
        // matched everything would hand the decision to the (here allowing) NetworkPolicy tier: fail open.
        var model = With(AllowAllInProd, Admin("future", 10, ProdSubject + "\n" + """
            ingress:
            - {action: Pass, from: [{namespaces: {matchLabels: {env: dev}}}, {}]}
            """));
        model.Can("dev/tool", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.Admin);
        model.Can("prod/db", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.Admin);
        Assert.Equal("spec.ingress[0].from[1]", Assert.Single(model.Diagnostics).FieldPath);
    }

    [Fact]
    public void APolicyWithAnUnknownTierIsReportedAndIgnored()
    {
        var model = With(ClusterNetworkPolicy("bad-tier", """
            tier: Developer
            priority: 1
            subject: {namespaces: {}}
            ingress:
            - {action: Deny, from: [{namespaces: {}}]}
            """));
        model.Can("dev/tool", "prod/web", 80).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.Default);
        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal(("spec.tier", "ClusterNetworkPolicy bad-tier: tier must be Admin or Baseline, found \"Developer\""),
            (diagnostic.FieldPath, diagnostic.Message));
        Assert.Empty(model.Policies.ClusterPolicies);
    }

    [Fact]
    public void NodesAndDomainNamesPeersAreNotEvaluatedAndMatchNothing()
    {
        var model = With(Admin("egress", 10, """
            subject: {namespaces: {}}
            egress:
            - {action: Deny, to: [{domainNames: ["*.example.com"]}, {nodes: {}}]}
            """));
        model.Can("dev/tool", "8.8.8.8", 443).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.NotApplicable);
        Assert.Equal(
            [("spec.egress[0].to[0].domainNames", Verity.Core.Model.DiagnosticLevel.Warning), ("spec.egress[0].to[1].nodes", Verity.Core.Model.DiagnosticLevel.Warning)],
            model.Diagnostics.Select(d => (d.FieldPath, d.Level)));
    }
}
