using Verity.Network.Evaluation;
using Verity.Network.Model;
using static Verity.Network.Tests.TestCluster;

namespace Verity.Network.Tests;

/// <summary>
/// IPBlock semantics (https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/, IPBlock:
/// "cidr is a string representing the IPBlock"; "except is a slice of CIDRs that should not be included within an
/// IPBlock") and the pod-IP question the concepts page leaves to implementations
/// (https://kubernetes.io/docs/concepts/services-networking/network-policies/, "ipBlock ... these should be
/// cluster-external IPs"): by default an ipBlock matches a pod by its status.podIP(s), as the upstream e2e tests and
/// Calico do; <see cref="NetworkOptions.IpBlockMatchesPods"/> = false gives Cilium's behaviour.
/// </summary>
public sealed class IpBlockTests
{
    private static readonly string[] Cluster =
    [
        Pod("web/server", "10.1.0.10", "app: server"),
        Pod("web/inside", "10.1.0.5", "app: client"),
        Pod("web/excepted", "10.1.9.5", "app: client"),
        Pod("other/outside", "10.2.0.5", "app: client"),
    ];

    private const string FromBlock = """
        podSelector: {matchLabels: {app: server}}
        ingress:
        - from:
          - ipBlock: {cidr: 10.1.0.0/16, except: [10.1.9.0/24]}
        """;

    [Theory]
    [InlineData("10.1.0.1", true)]
    [InlineData("10.1.255.254", true)]
    [InlineData("10.1.9.1", false)]
    [InlineData("10.2.0.1", false)]
    [InlineData("192.0.2.1", false)]
    public void AnIpBlockMatchesExternalAddressesInItsCidrButNotInExcept(string source, bool allowed)
    {
        var verdict = Build([.. Cluster, NetworkPolicy("web/block", FromBlock)]).Can(source, "web/server", 443);
        verdict.AssertVerdict(true, DecisionTier.NotApplicable, allowed, DecisionTier.NetworkPolicy);
    }

    [Fact]
    public void ByDefaultAnIpBlockMatchesPodsByTheirPodIp()
    {
        var model = Build([.. Cluster, NetworkPolicy("web/block", FromBlock)]);
        Assert.Equal([true, false, false], new[] { "web/inside", "web/excepted", "other/outside" }.Select(p => model.Can(p, "web/server", 443).Allowed));
        Assert.Equal(
            "ingress rule #0 allows it (from addresses in 10.1.0.0/16 except 10.1.9.0/24; port any port)",
            model.Can("web/inside", "web/server", 443).Ingress.Steps.Single().Message);
    }

    [Fact]
    public void WithIpBlockMatchesPodsOffAnIpBlockMatchesNoPodButStillExternalAddresses()
    {
        var model = Build(new NetworkOptions { IpBlockMatchesPods = false }, [.. Cluster, NetworkPolicy("web/block", FromBlock)]);
        Assert.Equal([false, false, false], new[] { "web/inside", "web/excepted", "other/outside" }.Select(p => model.Can(p, "web/server", 443).Allowed));
        model.Can("10.1.0.1", "web/server", 443).AssertVerdict(true, DecisionTier.NotApplicable, true, DecisionTier.NetworkPolicy);
    }

    [Fact]
    public void AnEgressIpBlockMatchesPodDestinationsByTheirIp()
    {
        var egress = NetworkPolicy("other/out", """
            podSelector: {}
            policyTypes: [Egress]
            egress:
            - to: [{ipBlock: {cidr: 10.1.0.10/32}}]
            """);
        Build([.. Cluster, egress]).Can("other/outside", "web/server", 443)
            .AssertVerdict(true, DecisionTier.NetworkPolicy, true, DecisionTier.Default);
        Build(new NetworkOptions { IpBlockMatchesPods = false }, [.. Cluster, egress]).Can("other/outside", "web/server", 443)
            .AssertVerdict(false, DecisionTier.NetworkPolicy, true, DecisionTier.Default);
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("10.200.0.1", false)]
    [InlineData("192.168.3.4", false)]
    public void AnEgressAllowAllButPrivateRangesUsesExcept(string destination, bool allowed)
    {
        var model = Build([.. Cluster, NetworkPolicy("web/internet", """
            podSelector: {}
            policyTypes: [Egress]
            egress:
            - to:
              - ipBlock:
                  cidr: 0.0.0.0/0
                  except: [10.0.0.0/8, 192.168.0.0/16]
            """)]);
        model.Can("web/inside", destination, 443).AssertVerdict(allowed, DecisionTier.NetworkPolicy, true, DecisionTier.NotApplicable);
    }

    [Fact]
    public void AnIpv6IpBlockMatchesTheIpv6AddressOfADualStackPod()
    {
        var model = Build(
            Pod("web/server", "10.1.0.10", "app: server"),
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: dual, namespace: web}
            spec: {containers: [{name: main, image: app:1}]}
            status:
              podIP: 10.3.0.7
              podIPs: [{ip: 10.3.0.7}, {ip: "fd00:10::7"}]
            """,
            NetworkPolicy("web/v6", """
                podSelector: {matchLabels: {app: server}}
                ingress:
                - from: [{ipBlock: {cidr: "fd00:10::/64"}}]
                """));
        Assert.True(model.Can("web/dual", "web/server", 80).Allowed);
        Assert.True(model.Can("fd00:10::99", "web/server", 80).Allowed);
        Assert.False(model.Can("fd00:11::1", "web/server", 80).Allowed);
        Assert.False(model.Can("10.3.0.8", "web/server", 80).Allowed);
    }

    [Fact]
    public void AWorkloadEndpointHasNoIpSoNoIpBlockMatchesIt()
    {
        // Manifests without pods: one endpoint per workload pod template, with labels and ports but no address.
        var model = Build(
            Deployment("shop/api", "app: api", "{name: http, containerPort: 8080}"),
            Deployment("shop/front", "app: front"),
            NetworkPolicy("shop/api-in", """
                podSelector: {matchLabels: {app: api}}
                ingress:
                - from: [{ipBlock: {cidr: 0.0.0.0/0}}]
                """),
            NetworkPolicy("shop/api-in-by-label", """
                podSelector: {matchLabels: {app: api}}
                ingress:
                - from: [{podSelector: {matchLabels: {app: front}}}]
                  ports: [{port: http}]
                """));
        var front = model.Endpoint("shop/deployment/front");
        Assert.Equal((EndpointKind.Workload, 0), (front.Kind, front.Addresses.Count));
        // Allowed by the podSelector rule on the named port, never by the ipBlock.
        model.Can("shop/deployment/front", "shop/deployment/api", 8080).AssertVerdict(true, DecisionTier.Default, true, DecisionTier.NetworkPolicy);
        model.Can("shop/deployment/front", "shop/deployment/api", 9090).AssertVerdict(true, DecisionTier.Default, false, DecisionTier.NetworkPolicy);
        Assert.Equal(
            "ingress rule #0 does not match: shop/deployment/front is not among addresses in 0.0.0.0/0",
            model.Can("shop/deployment/front", "shop/deployment/api", 9090).Ingress.Steps[0].Message);
        Assert.True(model.Can("8.8.8.8", "shop/deployment/api", 9090).Allowed);
    }

    [Fact]
    public void APodWithoutAKnownIpIsNotMatchedByAnIpBlock()
    {
        var model = Build([.. Cluster, Pod("web/pending", null, "app: client"), NetworkPolicy("web/any-address", """
            podSelector: {matchLabels: {app: server}}
            ingress:
            - from: [{ipBlock: {cidr: 0.0.0.0/0}}]
            """)]);
        Assert.Empty(model.Endpoint("web/pending").Addresses);
        Assert.False(model.Can("web/pending", "web/server", 80).Allowed);
        Assert.True(model.Can("web/inside", "web/server", 80).Allowed);
    }

    [Fact]
    public void ACidrWithHostBitsSetIsReadAsItsNetwork()
    {
        // The API server validates ipBlock.cidr with ParseCIDRSloppy, which accepts host bits: 10.1.0.5/16 is
        // 10.1.0.0/16 (k8s.io/kubernetes pkg/apis/networking/validation, ValidateIPBlock).
        var model = Build([.. Cluster, NetworkPolicy("web/sloppy", """
            podSelector: {matchLabels: {app: server}}
            ingress:
            - from: [{ipBlock: {cidr: 10.1.0.5/16, except: [10.1.9.1/24]}}]
            """)]);
        Assert.Empty(model.Diagnostics);
        Assert.Equal([true, false, false], new[] { "10.1.200.1", "10.1.9.200", "10.2.0.1" }.Select(ip => model.Can(ip, "web/server", 80).Allowed));
    }

    [Fact]
    public void AnEmptyPeerIsInvalidAndMatchesNothing()
    {
        // API validation of NetworkPolicyPeer: "must specify a peer" when none of the three fields is set.
        var model = Build([.. Cluster, NetworkPolicy("web/empty-peer", """
            podSelector: {matchLabels: {app: server}}
            ingress:
            - from: [{}]
            """)]);
        Assert.False(model.Can("web/inside", "web/server", 80).Allowed);
        Assert.False(model.Can("10.1.0.1", "web/server", 80).Allowed);
        Assert.Equal(("spec.ingress[0].from[0]", "NetworkPolicy web/empty-peer: a peer needs podSelector, namespaceSelector or ipBlock"),
            (Assert.Single(model.Diagnostics).FieldPath, model.Diagnostics[0].Message));
    }

    [Fact]
    public void AnExternalAddressIsNeverMatchedByPodOrNamespaceSelectors()
    {
        var model = Build([.. Cluster, NetworkPolicy("web/all-pods", """
            podSelector: {matchLabels: {app: server}}
            ingress:
            - from: [{namespaceSelector: {}, podSelector: {}}, {namespaceSelector: {}}, {podSelector: {}}]
            """)]);
        Assert.False(model.Can("10.1.0.1", "web/server", 80).Allowed);
        Assert.True(model.Can("other/outside", "web/server", 80).Allowed);
    }

    [Fact]
    public void AnIpBlockCombinedWithASelectorIsInvalidAndMatchesNothing()
    {
        // API reference, NetworkPolicyPeer.ipBlock: "If this field is set then neither of the other fields can be."
        var model = Build([.. Cluster, NetworkPolicy("web/bad", """
            podSelector: {matchLabels: {app: server}}
            ingress:
            - from: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]
            """)]);
        Assert.False(model.Can("web/inside", "web/server", 80).Allowed);
        Assert.False(model.Can("10.9.9.9", "web/server", 80).Allowed);
        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal(("VT2001", "spec.ingress[0].from[0]"), (diagnostic.Code, diagnostic.FieldPath));
    }

    [Fact]
    public void AnInvalidCidrMatchesNothingAndIsReported()
    {
        var model = Build([.. Cluster, NetworkPolicy("web/bad", """
            podSelector: {matchLabels: {app: server}}
            ingress:
            - from: [{ipBlock: {cidr: 10.0.0.0}}]
            """)]);
        Assert.False(model.Can("10.0.0.1", "web/server", 80).Allowed);
        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal("NetworkPolicy web/bad: invalid CIDR \"10.0.0.0\"", diagnostic.Message);
    }
}
