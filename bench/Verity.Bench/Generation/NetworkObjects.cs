using System.Text.Json.Nodes;

namespace Verity.Bench.Generation;

/// <summary>
/// Services (ClusterIP, headless and the ingress controller's LoadBalancer) and NetworkPolicies: a
/// default-deny, a DNS egress allowance, then per-workload allow rules with pod selectors, namespace
/// selectors, match expressions, ip blocks, named and numbered ports. With
/// <see cref="ClusterShape.VariedNetworkPolicies"/> the allow policies depend on the namespace, and with
/// <see cref="ClusterShape.PolicyEdits"/> a few of them are edited (the "changed" revision for diffs).
/// </summary>
internal sealed class NetworkObjects(MetaFactory meta, ClusterShape shape)
{
    /// <summary>Edited namespace index → edit number (0, 1, 2, …), spread evenly over the application namespaces.</summary>
    private readonly Dictionary<int, int> _edits = Edits(shape);

    private static Dictionary<int, int> Edits(ClusterShape shape)
    {
        var first = Catalog.SystemNamespaces.Length;
        var apps = shape.Namespaces - first;
        var edits = new Dictionary<int, int>();
        for (var j = 0; j < shape.PolicyEdits && apps > 0; j++) edits[first + (int)((long)j * apps / shape.PolicyEdits)] = j;
        return edits;
    }

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
                // Varied: pods may also call any pod of their own namespace (the common "allow egress within the
                // namespace" policy), so the ingress rules decide in-namespace traffic.
                var egressName = shape.VariedNetworkPolicies ? "allow-egress-dns-and-namespace" : "allow-dns-egress";
                return (egressName, () =>
                {
                    var egress = new JsonArray(new JsonObject
                    {
                        ["ports"] = new JsonArray(Port(53, "UDP"), Port(53, "TCP")),
                        ["to"] = new JsonArray(new JsonObject
                        {
                            ["namespaceSelector"] = MatchLabels(("kubernetes.io/metadata.name", "kube-system")),
                            ["podSelector"] = MatchLabels(("k8s-app", "kube-dns")),
                        }),
                    });
                    if (shape.VariedNetworkPolicies) egress.Add(new JsonObject { ["to"] = new JsonArray(new JsonObject { ["podSelector"] = new JsonObject() }) });
                    return Policy(ns, egressName, new JsonObject
                    {
                        ["egress"] = egress,
                        ["podSelector"] = new JsonObject(),
                        ["policyTypes"] = MetaFactory.Strings("Egress"),
                    });
                });
        }
        var k = index - 2;
        var w = workloads[(shape.VariedNetworkPolicies ? k + ns.Index : k) % workloads.Count];
        var name = k < workloads.Count ? $"allow-{w.Name}" : $"allow-{w.Name}-extra{k / workloads.Count}";
        int? edit = k == 0 && _edits.TryGetValue(ns.Index, out var j) ? j : null;
        return (name, () =>
        {
            var spec = AllowSpec(w, k);
            if (shape.VariedNetworkPolicies) Vary(spec, ns, w, k);
            if (edit is int e) Edit(spec, w, e);
            return Policy(ns, name, spec, edit is null ? 1 : 2);
        });
    }

    /// <summary>
    /// Namespace-dependent variations: every third namespace also admits the team's frontends from its other
    /// namespaces; odd namespaces reach the cache by its named port; every fifth calls the team's APIs in any
    /// namespace; the ipBlock egress rule moves with the namespace.
    /// </summary>
    private static void Vary(JsonObject spec, NamespacePlan ns, WorkloadPlan w, int k)
    {
        var ingress = spec["ingress"]!.AsArray();
        if (w.Tier != "frontend" && ns.Index % 3 == 0)
        {
            ingress[0]!["from"]!.AsArray().Add(new JsonObject
            {
                ["namespaceSelector"] = MatchLabels(("team", ns.Team)),
                ["podSelector"] = MatchLabels(("tier", "frontend")),
            });
        }
        var egress = spec["egress"]!.AsArray();
        if (ns.Index % 2 == 1) egress[0]!["ports"] = new JsonArray(new JsonObject { ["port"] = "redis", ["protocol"] = "TCP" });
        if (ns.Index % 5 == 0)
        {
            egress.Add(new JsonObject
            {
                ["ports"] = new JsonArray(new JsonObject { ["port"] = "http", ["protocol"] = "TCP" }, new JsonObject { ["port"] = "grpc", ["protocol"] = "TCP" }),
                ["to"] = new JsonArray(new JsonObject
                {
                    ["namespaceSelector"] = MatchLabels(("team", ns.Team)),
                    ["podSelector"] = MatchLabels(("app.kubernetes.io/name", "api")),
                }),
            });
        }
        var hasIpBlock = k % 4 == 3;
        var wantsIpBlock = (k + ns.Index) % 4 == 3;
        if (hasIpBlock && !wantsIpBlock) egress.RemoveAt(1);
        else if (!hasIpBlock && wantsIpBlock) egress.Add(DatabaseEgress());
    }

    /// <summary>
    /// Edit number <paramref name="edit"/> of the "changed" revision, in turn: admits every pod of the namespace
    /// on every port (opens); drops the main ingress rule (closes); adds the TCP range 8000–9999 to it (opens).
    /// </summary>
    private static void Edit(JsonObject spec, WorkloadPlan w, int edit)
    {
        var ingress = spec["ingress"]!.AsArray();
        switch (edit % 3)
        {
            case 0:
                ingress.Add(new JsonObject { ["from"] = new JsonArray(new JsonObject { ["podSelector"] = new JsonObject() }) });
                break;
            case 1:
                ingress.RemoveAt(0);
                break;
            default:
                var range = Port(8000, "TCP");
                range["endPort"] = 9999;
                ingress[0]!["ports"]!.AsArray().Add(range);
                break;
        }
    }

    private static JsonObject DatabaseEgress()
    {
        var database = Port(5432, "TCP");
        database["endPort"] = 5439;
        return new JsonObject
        {
            ["ports"] = new JsonArray(database),
            ["to"] = new JsonArray(new JsonObject
            {
                ["ipBlock"] = new JsonObject { ["cidr"] = "10.0.0.0/8", ["except"] = MetaFactory.Strings("10.0.0.0/24", "10.128.0.0/9") },
            }),
        };
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
        if (k % 4 == 3) egress.Add(DatabaseEgress());
        return new JsonObject
        {
            ["egress"] = egress,
            ["ingress"] = ingress,
            ["podSelector"] = new JsonObject { ["matchLabels"] = WorkloadObjects.Selector(w) },
            ["policyTypes"] = MetaFactory.Strings("Ingress", "Egress"),
        };
    }

    private JsonObject Policy(NamespacePlan ns, string name, JsonObject spec, int generation = 1)
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
            ["metadata"] = meta.Metadata("NetworkPolicy", name, ns.Name, ns.Created.AddMinutes(5), annotations: MetaFactory.LastApplied(applied), generation: generation),
            ["spec"] = spec,
        };
    }

    internal static JsonObject MatchLabels(params (string Key, string Value)[] labels) => new() { ["matchLabels"] = MetaFactory.Map(labels) };

    private static JsonObject Port(int port, string protocol) => new() { ["port"] = port, ["protocol"] = protocol };
}
