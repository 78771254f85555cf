using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Network.Evaluation;
using Verity.Network.Flows;
using Verity.Network.Generation;
using Verity.Network.Model;

namespace Verity.Network.Tests.Generation;

/// <summary>Policies generated from the sample capture of examples/shop, and their proof.</summary>
public sealed class PolicyGeneratorTests
{
    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));

    private static (Snapshot Snapshot, IReadOnlyList<ObservedConnection> Connections) Shop()
    {
        var root = Repo();
        var loaded = ManifestReader.Read([.. new[] { "namespaces.yaml", "api", "payments", "storefront" }.Select(p => Path.Combine(root, "examples", "shop", p))]);
        Assert.Empty(loaded.Diagnostics);
        var snapshot = SnapshotBuilder.Build(loaded.Objects);
        using var stream = File.OpenRead(Path.Combine(root, "examples", "shop", "flows", "hubble.jsonl"));
        var flows = FlowReader.ReadAll(stream, "hubble.jsonl");
        return (snapshot, new FlowMapper(NetworkModel.FromSnapshot(snapshot)).Aggregate(flows.Flows));
    }

    [Fact]
    public void Shop_with_egress_gets_the_expected_policies_per_namespace()
    {
        var (snapshot, connections) = Shop();
        var result = PolicyGenerator.Generate(snapshot, connections, new GenerationOptions { Egress = true });

        Assert.Equal(["api", "payments", "storefront"], result.Namespaces.Select(n => n.Namespace));
        Assert.Equal(
            ["verity-default-deny", "verity-allow-dns-egress", "verity-allow-cart-ingress", "verity-allow-cart-egress", "verity-allow-catalog-ingress", "verity-allow-orders-ingress", "verity-allow-orders-egress"],
            result.Namespaces[0].Policies.Select(p => p.Name));
        Assert.Equal(
            ["verity-default-deny", "verity-allow-dns-egress", "verity-allow-ledger-db-ingress", "verity-allow-payments-api-ingress", "verity-allow-payments-api-egress", "verity-allow-settlement-egress"],
            result.Namespaces[1].Policies.Select(p => p.Name));
        Assert.Equal(
            ["verity-default-deny", "verity-allow-dns-egress", "verity-allow-gateway-ingress", "verity-allow-gateway-egress", "verity-allow-web-ingress", "verity-allow-web-egress"],
            result.Namespaces[2].Policies.Select(p => p.Name));

        var deny = result.Namespaces[0].Policies[0];
        Assert.Empty(deny.PodSelector);
        Assert.Equal(["Ingress", "Egress"], deny.PolicyTypes);

        var web = result.Namespaces[2].Policies.Single(p => p.Name == "verity-allow-web-ingress");
        Assert.Equal([new("app", "web")], web.PodSelector);
        var rule = Assert.Single(web.Ingress);
        Assert.Equal(new GeneratedPeer("storefront", [new("app", "gateway")], null), Assert.Single(rule.Peers), PeerComparer.Instance);
        Assert.Equal(new GeneratedPort(3000, "http", Protocol.TCP), Assert.Single(rule.Ports));

        var gateway = result.Namespaces[2].Policies.Single(p => p.Name == "verity-allow-gateway-ingress");
        Assert.Equal("203.0.113.7/32", Assert.Single(Assert.Single(gateway.Ingress).Peers).Cidr);
        var api = result.Namespaces[1].Policies.Single(p => p.Name == "verity-allow-payments-api-egress");
        Assert.Equal(["1|payments|app=ledger-db", "2|93.184.216.34/32"], api.Egress.Select(r => Assert.Single(r.Peers).Key));
        Assert.Equal(["payments/deployment/payments-api -> payments/statefulset/ledger-db 5432/TCP (x1)", "payments/deployment/payments-api -> 93.184.216.34 443/TCP (x1)"], api.Flows);

        var skipped = Assert.Single(result.Skipped);
        Assert.Equal("host:10.0.0.5", skipped.Connection.From.Id);
    }

    [Fact]
    public void Dns_egress_to_kube_dns_is_in_every_namespace_with_egress_and_absent_without()
    {
        var (snapshot, connections) = Shop();
        foreach (var ns in PolicyGenerator.Generate(snapshot, connections, new GenerationOptions { Egress = true }).Namespaces)
        {
            var dns = ns.Policies.Single(p => p.Name == PolicyGenerator.DnsPolicyName);
            Assert.Equal(["Egress"], dns.PolicyTypes);
            var rule = Assert.Single(dns.Egress);
            Assert.Equal(new GeneratedPeer("kube-system", [new("k8s-app", "kube-dns")], null), Assert.Single(rule.Peers), PeerComparer.Instance);
            Assert.Equal([new GeneratedPort(53, null, Protocol.UDP), new GeneratedPort(53, null, Protocol.TCP)], rule.Ports);
        }
        var ingressOnly = PolicyGenerator.Generate(snapshot, connections);
        Assert.DoesNotContain(ingressOnly.Namespaces.SelectMany(n => n.Policies), p => p.Name == PolicyGenerator.DnsPolicyName || p.Egress.Count > 0);
        Assert.All(ingressOnly.Namespaces, n => Assert.Equal(["Ingress"], n.Policies[0].PolicyTypes));
    }

    [Fact]
    public void No_selector_uses_a_generated_label()
    {
        var (snapshot, connections) = Shop();
        var result = PolicyGenerator.Generate(snapshot, connections, new GenerationOptions { Egress = true });
        var labels = result.Namespaces.SelectMany(n => n.Policies).SelectMany(p => p.PodSelector
            .Concat(p.Ingress.Concat(p.Egress).SelectMany(r => r.Peers).SelectMany(peer => peer.PodLabels ?? []))).ToList();
        Assert.NotEmpty(labels);
        Assert.DoesNotContain(labels, l => StableLabels.IsGenerated(l.Key));
        Assert.DoesNotContain("pod-template-hash", result.Yaml);
        Assert.DoesNotContain("controller-revision-hash", result.Yaml);
    }

    [Fact]
    public void The_proof_finds_no_observed_connection_denied_and_counts_over_permission()
    {
        var (snapshot, connections) = Shop();
        var withEgress = PolicyGenerator.Generate(snapshot, connections, new GenerationOptions { Egress = true });
        var proof = GenerationProof.Verify(NetworkModel.FromSnapshot(snapshot), connections, withEgress);
        Assert.Empty(proof.Diagnostics);
        Assert.Empty(proof.Denied);
        Assert.Empty(proof.Unverified);
        Assert.True(proof.Passed);
        Assert.Equal(18, proof.Verified);
        Assert.Equal(0, proof.OverPermission.Sum(o => o.Allowed));
        Assert.Equal(41, proof.OverPermission.Sum(o => o.Unobserved));

        // Ingress only: the shop's own api policy still lets the gateway reach the api workloads.
        var ingressOnly = PolicyGenerator.Generate(snapshot, connections);
        var looser = GenerationProof.Verify(NetworkModel.FromSnapshot(snapshot), connections, ingressOnly);
        Assert.Empty(looser.Denied);
        Assert.Contains(looser.OverPermission, o => (o.FromNamespace, o.ToNamespace, o.Allowed) == ("storefront", "api", 3));
    }

    [Fact]
    public void The_proof_lists_observed_connections_that_policies_missing_an_allow_would_deny()
    {
        var (snapshot, connections) = Shop();
        var result = PolicyGenerator.Generate(snapshot, connections, new GenerationOptions { Egress = true });
        // Keep every policy but the web's ingress allow: the gateway's connection to web must be reported denied.
        var broken = result with
        {
            Namespaces = result.Namespaces.Select(n => n with
            {
                Yaml = string.Join("---\n", n.Policies.Where(p => p.Name != "verity-allow-web-ingress").Select(p => n.Yaml.Split("---\n")[n.Policies.ToList().IndexOf(p)])),
            }).ToList(),
        };
        var proof = GenerationProof.Verify(NetworkModel.FromSnapshot(snapshot), connections, broken);
        Assert.False(proof.Passed);
        Assert.Equal("storefront/deployment/gateway -> storefront/deployment/web 3000/TCP (x1)", PolicyGenerator.Describe(Assert.Single(proof.Denied)));
    }

    [Fact]
    public void A_namespace_filter_and_a_cidr_prefix_are_honoured()
    {
        var (snapshot, connections) = Shop();
        var result = PolicyGenerator.Generate(snapshot, connections, new GenerationOptions { Namespaces = ["storefront"], CidrPrefix = 24 });
        Assert.Equal("storefront", Assert.Single(result.Namespaces).Namespace);
        Assert.Contains("cidr: 203.0.113.0/24", result.Yaml);
        Assert.True(GenerationProof.Verify(NetworkModel.FromSnapshot(snapshot), connections, result).Passed);
    }

    [Fact]
    public void The_yaml_parses_back_without_diagnostics_and_is_deterministic()
    {
        var (snapshot, connections) = Shop();
        var first = PolicyGenerator.Generate(snapshot, connections, new GenerationOptions { Egress = true }).Yaml;
        var second = PolicyGenerator.Generate(snapshot, connections, new GenerationOptions { Egress = true }).Yaml;
        Assert.Equal(first, second);
        var parsed = ManifestParser.Parse(first, "generated.yaml");
        Assert.Empty(parsed.Diagnostics);
        Assert.Equal(19, parsed.Objects.Count);
        Assert.All(parsed.Objects, o => Assert.Equal("NetworkPolicy", o.Kind));
    }

    [Fact]
    public void The_cilium_form_parses_back_with_the_same_policies_and_a_default_deny_rule()
    {
        var (snapshot, connections) = Shop();
        var result = PolicyGenerator.Generate(snapshot, connections, new GenerationOptions { Egress = true });
        var yaml = string.Join("---\n", result.Namespaces.Select(n => CiliumPolicyWriter.Write(n.Policies)));
        var parsed = ManifestParser.Parse(yaml, "cilium.yaml");
        Assert.Empty(parsed.Diagnostics);
        Assert.All(parsed.Objects, o => Assert.Equal(("cilium.io/v2", "CiliumNetworkPolicy"), (o.Raw.GetProperty("apiVersion").GetString(), o.Kind)));
        Assert.Equal(result.Namespaces.SelectMany(n => n.Policies).Select(p => $"{p.Namespace}/{p.Name}"), parsed.Objects.Select(o => $"{o.Namespace}/{o.Name}"));
        Assert.Contains("spec:\n  endpointSelector: {}\n  ingress:\n    - {}\n  egress:\n    - {}\n", yaml);
        Assert.Contains("    - toCIDR:\n        - 93.184.216.34/32\n", yaml);
    }

    [Theory]
    [InlineData("app=web,pod-template-hash=abc", "", "app=web")]
    [InlineData("app.kubernetes.io/name=db,app.kubernetes.io/instance=main,tier=data,controller-revision-hash=x", "", "app.kubernetes.io/instance=main,app.kubernetes.io/name=db")]
    [InlineData("app=web,tier=front", "app=web,tier=back", "app=web,tier=front")]
    [InlineData("tier=front,job-name=x,batch.kubernetes.io/job-name=x,controller-uid=1", "", "tier=front")]
    [InlineData("pod-template-hash=abc,statefulset.kubernetes.io/pod-name=db-0", "", "")]
    public void Stable_labels_prefer_identity_labels_and_drop_generated_ones(string labels, string other, string expected)
    {
        static Dictionary<string, string> Parse(string text) =>
            text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var selected = StableLabels.Select(Parse(labels), other == "" ? [] : [Parse(other)]);
        Assert.Equal(expected, string.Join(",", selected.Select(l => $"{l.Key}={l.Value}")));
    }

    private sealed class PeerComparer : IEqualityComparer<GeneratedPeer>
    {
        public static readonly PeerComparer Instance = new();
        public bool Equals(GeneratedPeer? x, GeneratedPeer? y) => x?.Key == y?.Key;
        public int GetHashCode(GeneratedPeer obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
