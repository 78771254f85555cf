using Verity.Network.Evaluation;
using Verity.Network.Model;
using static Verity.Network.Tests.TestCluster;

namespace Verity.Network.Tests;

/// <summary>
/// NetworkPolicyPort semantics (https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/,
/// NetworkPolicyPort; https://kubernetes.io/docs/concepts/services-networking/network-policies/, "Targeting a range of
/// ports"): protocol defaults to TCP; a port is a number or a named container port; endPort makes an inclusive range;
/// no port means every port of the protocol.
/// </summary>
public sealed class PortTests
{
    private static readonly string[] Cluster =
    [
        Pod("app/client", "10.0.0.1", "app: client"),
        Pod("app/web", "10.0.0.2", "app: web", false,
            "{name: http, containerPort: 8080}", "{name: dns, containerPort: 5353, protocol: UDP}", "{name: sig, containerPort: 7000, protocol: SCTP}"),
        Pod("app/web2", "10.0.0.3", "app: web", false, "{name: http, containerPort: 9090}"),
        Pod("app/plain", "10.0.0.4", "app: web"),
    ];

    /// <summary>A policy on app=web pods allowing ingress from anywhere on <paramref name="ports"/> (a YAML flow list).</summary>
    private static NetworkModel Ingress(string ports) => Build([.. Cluster, NetworkPolicy("app/ports", $$"""
        podSelector: {matchLabels: {app: web} }
        ingress:
        - ports: {{ports}}
        """)]);

    private static bool Allowed(NetworkModel model, string to, int port, Protocol protocol = Protocol.TCP) =>
        model.Can("app/client", to, port, protocol).Allowed;

    [Fact]
    public void ANumericPortAllowsExactlyThatPortOverTcp()
    {
        var model = Ingress("[{port: 8080}]");
        Assert.True(Allowed(model, "app/web", 8080));
        Assert.False(Allowed(model, "app/web", 8081));
        Assert.False(Allowed(model, "app/web", 8079));
        // TCP is the default protocol: UDP on the same number is not allowed.
        Assert.False(Allowed(model, "app/web", 8080, Protocol.UDP));
    }

    [Fact]
    public void AnExplanationListsThePortsThatDidNotMatch()
    {
        var verdict = Ingress("[{port: 8080}, {port: 53, protocol: UDP}]").Can("app/client", "app/web", 81);
        Assert.Equal(
            new ExplainStep(DecisionTier.NetworkPolicy, "NetworkPolicy app/ports",
                "ingress rule #0 does not match: port 81/TCP is not among 8080/TCP, 53/UDP"),
            verdict.Ingress.Steps[0]);
    }

    [Theory]
    [InlineData(Protocol.UDP, 53, true)]
    [InlineData(Protocol.TCP, 53, false)]
    [InlineData(Protocol.UDP, 54, false)]
    public void AUdpPortAllowsOnlyUdp(Protocol protocol, int port, bool allowed)
    {
        Assert.Equal(allowed, Allowed(Ingress("[{port: 53, protocol: UDP}]"), "app/web", port, protocol));
    }

    [Theory]
    [InlineData(Protocol.SCTP, 7000, true)]
    [InlineData(Protocol.TCP, 7000, false)]
    [InlineData(Protocol.UDP, 7000, false)]
    public void AnSctpPortAllowsOnlySctp(Protocol protocol, int port, bool allowed)
    {
        Assert.Equal(allowed, Allowed(Ingress("[{port: 7000, protocol: SCTP}]"), "app/web", port, protocol));
    }

    [Theory]
    [InlineData(31999, false)]
    [InlineData(32000, true)]
    [InlineData(32400, true)]
    [InlineData(32768, true)]
    [InlineData(32769, false)]
    public void EndPortMakesAnInclusiveRange(int port, bool allowed)
    {
        // Concepts, "Targeting a range of ports": port 32000, endPort 32768 allows 32000 through 32768.
        Assert.Equal(allowed, Allowed(Ingress("[{protocol: TCP, port: 32000, endPort: 32768}]"), "app/web", port));
    }

    [Theory]
    [InlineData(Protocol.TCP, 1, true)]
    [InlineData(Protocol.TCP, 65535, true)]
    [InlineData(Protocol.UDP, 53, false)]
    [InlineData(Protocol.SCTP, 7000, false)]
    public void AnEmptyPortEntryMeansEveryTcpPort(Protocol protocol, int port, bool allowed)
    {
        // NetworkPolicyPort.port: "If this field is not provided, this matches all port names and numbers";
        // protocol defaults to TCP, so [{}] is every TCP port and nothing else.
        Assert.Equal(allowed, Allowed(Ingress("[{}]"), "app/web", port, protocol));
    }

    [Theory]
    [InlineData(Protocol.UDP, 1, true)]
    [InlineData(Protocol.UDP, 5353, true)]
    [InlineData(Protocol.TCP, 5353, false)]
    public void AProtocolWithoutAPortMeansEveryPortOfThatProtocol(Protocol protocol, int port, bool allowed)
    {
        Assert.Equal(allowed, Allowed(Ingress("[{protocol: UDP}]"), "app/web", port, protocol));
    }

    [Fact]
    public void AnEmptyPortListMeansEveryPortAndProtocol()
    {
        // NetworkPolicyIngressRule.ports: "If this field is empty or missing, this rule matches all ports".
        var model = Ingress("[]");
        Assert.True(Allowed(model, "app/web", 1, Protocol.UDP));
        Assert.True(Allowed(model, "app/web", 7000, Protocol.SCTP));
        Assert.True(Allowed(model, "app/web", 65535));
    }

    [Fact]
    public void SeveralPortEntriesAreOred()
    {
        var model = Ingress("[{port: 80}, {port: 443}, {port: 53, protocol: UDP}]");
        Assert.Equal(
            [true, true, true, false, false],
            new[] { (80, Protocol.TCP), (443, Protocol.TCP), (53, Protocol.UDP), (53, Protocol.TCP), (8080, Protocol.TCP) }
                .Select(c => Allowed(model, "app/web", c.Item1, c.Item2)));
    }

    [Fact]
    public void ANamedPortResolvesOnEachDestinationPod()
    {
        // NetworkPolicyPort.port: "This can either be a numerical or named port on a pod." Each selected pod resolves
        // the name against its own container ports.
        var model = Ingress("[{port: http}]");
        Assert.Equal(
            [true, false, false, true, false, false],
            new[] { ("app/web", 8080), ("app/web", 9090), ("app/web2", 8080), ("app/web2", 9090), ("app/plain", 8080), ("app/plain", 80) }
                .Select(c => Allowed(model, c.Item1, c.Item2)));
    }

    [Fact]
    public void ANamedPortMustMatchTheContainerPortsProtocol()
    {
        // "dns" is declared as UDP 5353: a TCP rule (the default) does not resolve it; a UDP rule does.
        var tcp = Ingress("[{port: dns}]");
        Assert.False(Allowed(tcp, "app/web", 5353, Protocol.TCP));
        Assert.False(Allowed(tcp, "app/web", 5353, Protocol.UDP));
        var udp = Ingress("[{port: dns, protocol: UDP}]");
        Assert.True(Allowed(udp, "app/web", 5353, Protocol.UDP));
        Assert.False(Allowed(udp, "app/web", 5353, Protocol.TCP));
        Assert.False(Allowed(udp, "app/web", 53, Protocol.UDP));
    }

    [Fact]
    public void ANamedPortInAnEgressRuleResolvesOnTheDestination()
    {
        // The source declares "metrics" as 9000, the destination as 9100: the destination's number counts.
        var model = Build(
            Pod("mon/scraper", "10.0.1.1", "app: scraper", false, "{name: metrics, containerPort: 9000}"),
            Pod("mon/target", "10.0.1.2", "app: target", false, "{name: metrics, containerPort: 9100}"),
            NetworkPolicy("mon/scrape", """
                podSelector: {matchLabels: {app: scraper}}
                policyTypes: [Egress]
                egress:
                - ports: [{port: metrics}]
                """));
        model.Can("mon/scraper", "mon/target", 9100).AssertVerdict(true, DecisionTier.NetworkPolicy, true, DecisionTier.Default);
        model.Can("mon/scraper", "mon/target", 9000).AssertVerdict(false, DecisionTier.NetworkPolicy, true, DecisionTier.Default);
        // An external destination has no named ports.
        model.Can("mon/scraper", "192.0.2.10", 9100).AssertVerdict(false, DecisionTier.NetworkPolicy, true, DecisionTier.NotApplicable);
    }

    [Fact]
    public void InitContainerPortsCanBeNamedPortsToo()
    {
        // Native sidecars are init containers with restartPolicy Always and may serve named ports.
        var model = Build(
            Pod("app/client", "10.0.0.1", "app: client"),
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: meshed, namespace: app, labels: {app: web}}
            spec:
              initContainers:
              - {name: proxy, image: proxy:1, restartPolicy: Always, ports: [{name: proxy, containerPort: 15001}]}
              containers:
              - {name: main, image: app:1}
            status: {podIP: 10.0.0.9}
            """,
            NetworkPolicy("app/ports", "podSelector: {}\ningress:\n- ports: [{port: proxy}]"));
        Assert.True(model.Can("app/client", "app/meshed", 15001).Allowed);
        Assert.False(model.Can("app/client", "app/meshed", 15002).Allowed);
    }

    [Fact]
    public void PeersAndPortsOfOneRuleAreAnded()
    {
        var model = Build([.. Cluster, Pod("app/stranger", "10.0.0.5", "app: stranger"), NetworkPolicy("app/ports", """
            podSelector: {matchLabels: {app: web}}
            ingress:
            - from: [{podSelector: {matchLabels: {app: client}}}]
              ports: [{port: 8080}]
            """)]);
        Assert.True(model.Can("app/client", "app/web", 8080).Allowed);
        Assert.False(model.Can("app/client", "app/web", 9090).Allowed);
        Assert.False(model.Can("app/stranger", "app/web", 8080).Allowed);
        Assert.Equal(
            "ingress rule #0 does not match: app/stranger is not among pods with app=client in namespace app; port 9090/TCP is not among 8080/TCP",
            model.Can("app/stranger", "app/web", 9090).Ingress.Steps[0].Message);
    }

    [Fact]
    public void AnUnknownProtocolMatchesNothingAndIsReported()
    {
        var model = Ingress("[{port: 80, protocol: tcp}]");
        Assert.False(Allowed(model, "app/web", 80));
        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal(("VT2001", "spec.ingress[0].ports[0].protocol"), (diagnostic.Code, diagnostic.FieldPath));
    }
}
