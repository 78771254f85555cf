using System.Text.Json.Nodes;

namespace Verity.Bench.Generation;

/// <summary>
/// ClusterNetworkPolicies (policy.networking.k8s.io/v1alpha2, kubernetes-sigs/network-policy-api
/// apis/v1alpha2/clusternetworkpolicy_types.go) a platform team would apply: Admin-tier guard rails (dev may
/// not reach prod, nothing reaches the cloud metadata address, monitoring may always scrape, DNS is passed
/// on to the namespaces' own policies) and Baseline-tier defaults (in-namespace traffic accepted, the rest
/// denied). The <paramref name="meta"/> gives them uids and resource versions like every other object.
/// </summary>
internal sealed class ClusterPolicyObjects(MetaFactory meta)
{
    private static readonly Func<JsonObject>[] Specs =
    [
        () => Spec("Admin", 10, Namespaces(("environment", "prod")),
            ingress: [Rule("deny-from-dev", "Deny", "from", [NamespacesPeer(("environment", "dev"))])]),
        () => Spec("Admin", 20, new JsonObject { ["namespaces"] = new JsonObject() },
            egress: [Rule("deny-cloud-metadata", "Deny", "to", [new JsonObject { ["networks"] = MetaFactory.Strings("169.254.169.254/32") }])]),
        () => Spec("Admin", 30, new JsonObject { ["namespaces"] = new JsonObject() },
            ingress:
            [
                Rule("accept-prometheus", "Accept", "from",
                    [PodsPeer(("kubernetes.io/metadata.name", "monitoring"), ("app.kubernetes.io/name", "prometheus"))],
                    new JsonArray(new JsonObject { ["destinationNamedPort"] = "metrics" })),
            ]),
        () => Spec("Admin", 40, Namespaces(("kubernetes.io/metadata.name", "kube-system")),
            ingress:
            [
                Rule("pass-dns", "Pass", "from", [new JsonObject { ["namespaces"] = new JsonObject() }],
                    new JsonArray(Protocol("udp", 53), Protocol("tcp", 53))),
            ]),
        () => Spec("Baseline", 10, new JsonObject { ["namespaces"] = new JsonObject() },
            egress:
            [
                Rule("accept-private-networks", "Accept", "to", [new JsonObject { ["networks"] = MetaFactory.Strings("10.0.0.0/8", "172.16.0.0/12") }],
                    new JsonArray(Protocol("tcp", 443))),
            ]),
        () => Spec("Baseline", 20, Namespaces(("environment", "prod")),
            ingress: [Rule("deny-other-namespaces", "Deny", "from", [new JsonObject { ["namespaces"] = new JsonObject() }])]),
    ];

    private static readonly string[] Names =
    [
        "admin-prod-isolation", "admin-cloud-metadata", "admin-monitoring", "admin-kube-system-dns",
        "baseline-private-egress", "baseline-prod-default-deny",
    ];

    /// <summary>How many distinct ClusterNetworkPolicies the generator knows.</summary>
    public static int Count => Specs.Length;

    public (string Name, Func<JsonObject> Create) Policy(int index) => (Names[index], () => new JsonObject
    {
        ["apiVersion"] = "policy.networking.k8s.io/v1alpha2",
        ["kind"] = "ClusterNetworkPolicy",
        ["metadata"] = meta.Metadata("ClusterNetworkPolicy", Names[index], null, MetaFactory.ClusterCreated.AddMinutes(30 + index), generation: 1),
        ["spec"] = Specs[index](),
    });

    private static JsonObject Spec(string tier, int priority, JsonObject subject, JsonObject[]? ingress = null, JsonObject[]? egress = null)
    {
        var spec = new JsonObject();
        if (egress is not null) spec["egress"] = new JsonArray(egress.Cast<JsonNode>().ToArray());
        if (ingress is not null) spec["ingress"] = new JsonArray(ingress.Cast<JsonNode>().ToArray());
        spec["priority"] = priority;
        spec["subject"] = subject;
        spec["tier"] = tier;
        return spec;
    }

    private static JsonObject Rule(string name, string action, string peersField, JsonObject[] peers, JsonArray? protocols = null)
    {
        var rule = new JsonObject { ["action"] = action, [peersField] = new JsonArray(peers.Cast<JsonNode>().ToArray()), ["name"] = name };
        if (protocols is not null) rule["protocols"] = protocols;
        return rule;
    }

    private static JsonObject Namespaces(params (string Key, string Value)[] labels) => new() { ["namespaces"] = NetworkObjects.MatchLabels(labels) };

    private static JsonObject NamespacesPeer(params (string Key, string Value)[] labels) => Namespaces(labels);

    private static JsonObject PodsPeer((string Key, string Value) ns, (string Key, string Value) pod) => new()
    {
        ["pods"] = new JsonObject
        {
            ["namespaceSelector"] = NetworkObjects.MatchLabels(ns),
            ["podSelector"] = NetworkObjects.MatchLabels(pod),
        },
    };

    private static JsonObject Protocol(string protocol, int port) => new()
    {
        [protocol] = new JsonObject { ["destinationPort"] = new JsonObject { ["number"] = port } },
    };
}
