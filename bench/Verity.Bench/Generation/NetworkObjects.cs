using System.Text.Json.Nodes;

namespace Verity.Bench.Generation;

/// <summary>
/// Services (ClusterIP, headless and the ingress controller's LoadBalancer) and NetworkPolicies: a
/// default-deny, a DNS egress allowance, then per-workload allow rules with pod selectors, namespace
/// selectors, match expressions, ip blocks, named and numbered ports.
/// </summary>
internal sealed class NetworkObjects(MetaFactory meta)
{
    /// <summary>The <paramref name="index"/>th Service of a namespace: one per workload first, then headless and extra ones.</summary>
    public (string Name, Func<JsonObject> Create) Service(IReadOnlyList<WorkloadPlan> workloads, int index, int globalIndex)
    {
        var w = workloads[index % workloads.Count];
        var round = index / workloads.Count;
        var name = round switch
        {
            0 when w.Name == "coredns" => "kube-dns",
            0 => w.Name,
            1 => $"{w.Name}-headless",
            _ => $"{w.Name}-svc{round}",
        };
        return (name, () => CreateService(w, name, round == 1, globalIndex));
    }

    private JsonObject CreateService(WorkloadPlan w, string name, bool headless, int globalIndex)
    {
        var ns = w.Namespace.Name;
        var loadBalancer = w.Name == "ingress-nginx-controller" && !headless;
        var rng = meta.Random($"service/{ns}/{name}");
        var clusterIp = headless ? "None" : MetaFactory.Ipv4((10u << 24 | 96u << 16) + 10 + (uint)globalIndex);
        var ports = new JsonArray();
        foreach (var p in w.Ports)
        {
            var port = new JsonObject { ["name"] = p.Name };
            if (loadBalancer) port["nodePort"] = rng.Next(30000, 32768);
            port["port"] = p.Name == "http" ? 80 : p.Port;
            port["protocol"] = p.Protocol;
            // Named target ports for the main port, numbers for the others: both forms occur in real clusters.
            port["targetPort"] = p == w.MainPort ? JsonValue.Create(p.Name) : JsonValue.Create(p.Port);
            ports.Add(port);
        }
        var spec = new JsonObject();
        if (loadBalancer) spec["allocateLoadBalancerNodePorts"] = true;
        spec["clusterIP"] = clusterIp;
        spec["clusterIPs"] = MetaFactory.Strings(clusterIp);
        if (loadBalancer) spec["externalTrafficPolicy"] = "Local";
        if (loadBalancer) spec["healthCheckNodePort"] = rng.Next(30000, 32768);
        spec["internalTrafficPolicy"] = "Cluster";
        spec["ipFamilies"] = MetaFactory.Strings("IPv4");
        spec["ipFamilyPolicy"] = "SingleStack";
        spec["ports"] = ports;
        spec["selector"] = WorkloadObjects.Selector(w);
        spec["sessionAffinity"] = "None";
        spec["type"] = loadBalancer ? "LoadBalancer" : "ClusterIP";
        var status = loadBalancer
            ? new JsonObject
            {
                ["loadBalancer"] = new JsonObject
                {
                    ["ingress"] = new JsonArray(new JsonObject { ["hostname"] = $"a{rng.Hex(31)}-{rng.Next(100000000, 999999999)}.elb.eu-west-1.amazonaws.com" }),
                },
            }
            : new JsonObject { ["loadBalancer"] = new JsonObject() };
        var labels = MetaFactory.Map((w.SelectorLabel.Key, w.SelectorLabel.Value), ("app.kubernetes.io/part-of", w.Namespace.Team));
        var applied = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject(), ["labels"] = labels.DeepClone(), ["name"] = name, ["namespace"] = ns },
            ["spec"] = new JsonObject { ["ports"] = ports.DeepClone(), ["selector"] = WorkloadObjects.Selector(w) },
        };
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = meta.Metadata("Service", name, ns, w.Created, labels, MetaFactory.LastApplied(applied)),
            ["spec"] = spec,
            ["status"] = status,
        };
    }

    /// <summary>The <paramref name="index"/>th NetworkPolicy of a namespace.</summary>
    public (string Name, Func<JsonObject> Create) NetworkPolicy(NamespacePlan ns, IReadOnlyList<WorkloadPlan> workloads, int index)
    {
        switch (index)
        {
            case 0:
                return ("default-deny-all", () => Policy(ns, "default-deny-all", new JsonObject
                {
                    ["podSelector"] = new JsonObject(),
                    ["policyTypes"] = MetaFactory.Strings("Ingress", "Egress"),
                }));
            case 1:
                return ("allow-dns-egress", () => Policy(ns, "allow-dns-egress", new JsonObject
                {
                    ["egress"] = new JsonArray(new JsonObject
                    {
                        ["ports"] = new JsonArray(Port(53, "UDP"), Port(53, "TCP")),
                        ["to"] = new JsonArray(new JsonObject
                        {
                            ["namespaceSelector"] = MatchLabels(("kubernetes.io/metadata.name", "kube-system")),
                            ["podSelector"] = MatchLabels(("k8s-app", "kube-dns")),
                        }),
                    }),
                    ["podSelector"] = new JsonObject(),
                    ["policyTypes"] = MetaFactory.Strings("Egress"),
                }));
        }
        var k = index - 2;
        var w = workloads[k % workloads.Count];
        var name = k < workloads.Count ? $"allow-{w.Name}" : $"allow-{w.Name}-extra{k / workloads.Count}";
        return (name, () => Policy(ns, name, AllowSpec(w, k)));
    }

    private static JsonObject AllowSpec(WorkloadPlan w, int k)
    {
        var from = w.Tier == "frontend"
            ? new JsonArray(new JsonObject
            {
                ["namespaceSelector"] = MatchLabels(("kubernetes.io/metadata.name", "ingress-nginx")),
                ["podSelector"] = MatchLabels(("app.kubernetes.io/name", "ingress-nginx-controller")),
            })
            : new JsonArray(
                new JsonObject { ["podSelector"] = MatchLabels(("tier", "frontend")) },
                new JsonObject
                {
                    ["podSelector"] = new JsonObject
                    {
                        ["matchExpressions"] = new JsonArray(new JsonObject
                        {
                            ["key"] = "app.kubernetes.io/name",
                            ["operator"] = "In",
                            ["values"] = MetaFactory.Strings("api", "gateway", "worker"),
                        }),
                    },
                });
        var ingress = new JsonArray(new JsonObject
        {
            ["from"] = from,
            ["ports"] = new JsonArray(new JsonObject { ["port"] = w.MainPort.Name, ["protocol"] = w.MainPort.Protocol }),
        });
        if (w.Ports.FirstOrDefault(p => p.Name == "metrics") is { } metrics)
        {
            ingress.Add(new JsonObject
            {
                ["from"] = new JsonArray(new JsonObject
                {
                    ["namespaceSelector"] = MatchLabels(("kubernetes.io/metadata.name", "monitoring")),
                    ["podSelector"] = MatchLabels(("app.kubernetes.io/name", "prometheus")),
                }),
                ["ports"] = new JsonArray(Port(metrics.Port, "TCP")),
            });
        }
        var egress = new JsonArray(new JsonObject
        {
            ["ports"] = new JsonArray(Port(6379, "TCP")),
            ["to"] = new JsonArray(new JsonObject { ["podSelector"] = MatchLabels(("tier", "data")) }),
        });
        if (k % 4 == 3)
        {
            var database = Port(5432, "TCP");
            database["endPort"] = 5439;
            egress.Add(new JsonObject
            {
                ["ports"] = new JsonArray(database),
                ["to"] = new JsonArray(new JsonObject
                {
                    ["ipBlock"] = new JsonObject { ["cidr"] = "10.0.0.0/8", ["except"] = MetaFactory.Strings("10.0.0.0/24", "10.128.0.0/9") },
                }),
            });
        }
        return new JsonObject
        {
            ["egress"] = egress,
            ["ingress"] = ingress,
            ["podSelector"] = new JsonObject { ["matchLabels"] = WorkloadObjects.Selector(w) },
            ["policyTypes"] = MetaFactory.Strings("Ingress", "Egress"),
        };
    }

    private JsonObject Policy(NamespacePlan ns, string name, JsonObject spec)
    {
        var applied = new JsonObject
        {
            ["apiVersion"] = "networking.k8s.io/v1",
            ["kind"] = "NetworkPolicy",
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject(), ["name"] = name, ["namespace"] = ns.Name },
            ["spec"] = spec.DeepClone(),
        };
        return new JsonObject
        {
            ["apiVersion"] = "networking.k8s.io/v1",
            ["kind"] = "NetworkPolicy",
            ["metadata"] = meta.Metadata("NetworkPolicy", name, ns.Name, ns.Created.AddMinutes(5), annotations: MetaFactory.LastApplied(applied), generation: 1),
            ["spec"] = spec,
        };
    }

    private static JsonObject MatchLabels(params (string Key, string Value)[] labels) => new() { ["matchLabels"] = MetaFactory.Map(labels) };

    private static JsonObject Port(int port, string protocol) => new() { ["port"] = port, ["protocol"] = protocol };
}
