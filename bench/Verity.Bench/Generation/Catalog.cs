namespace Verity.Bench.Generation;

/// <summary>The names, images and ports the synthetic cluster is made of: a small SaaS company's cluster.</summary>
internal static class Catalog
{
    public static readonly string[] Teams = ["payments", "checkout", "search", "identity", "catalog", "data", "growth", "media", "logistics", "support", "risk", "ads"];
    public static readonly string[] Environments = ["prod", "staging", "dev"];

    public static readonly string[] AppWorkloads =
    [
        "frontend", "api", "auth", "orders", "payments", "inventory", "search", "cart",
        "checkout", "notifications", "ledger", "reports", "worker", "scheduler", "cache", "gateway",
    ];

    /// <summary>Namespaces every cluster has, first in index order; their workloads are their own.</summary>
    public static readonly (string Name, string[] Workloads)[] SystemNamespaces =
    [
        ("kube-system", ["coredns", "metrics-server", "cluster-autoscaler", "ebs-csi-controller", "konnectivity-agent"]),
        ("monitoring", ["prometheus", "alertmanager", "grafana", "kube-state-metrics", "blackbox-exporter"]),
        ("ingress-nginx", ["ingress-nginx-controller", "default-backend"]),
    ];

    public static string? SystemImage(string workload) => workload switch
    {
        "coredns" => "registry.k8s.io/coredns/coredns:v1.11.3",
        "metrics-server" => "registry.k8s.io/metrics-server/metrics-server:v0.7.2",
        "cluster-autoscaler" => "registry.k8s.io/autoscaling/cluster-autoscaler:v1.31.0",
        "ebs-csi-controller" => "public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v1.35.0",
        "konnectivity-agent" => "registry.k8s.io/kas-network-proxy/proxy-agent:v0.30.3",
        "prometheus" => "quay.io/prometheus/prometheus:v2.54.1",
        "alertmanager" => "quay.io/prometheus/alertmanager:v0.27.0",
        "grafana" => "docker.io/grafana/grafana:11.2.2",
        "kube-state-metrics" => "registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0",
        "blackbox-exporter" => "quay.io/prometheus/blackbox-exporter:v0.25.0",
        "ingress-nginx-controller" => "registry.k8s.io/ingress-nginx/controller:v1.11.3",
        "cache" => "docker.io/library/redis:7.4.1",
        _ => null,
    };

    public static IReadOnlyList<PortPlan> Ports(string workload, int index) => workload switch
    {
        "coredns" => [new("dns", 53, "UDP"), new("dns-tcp", 53), new("metrics", 9153)],
        "prometheus" => [new("web", 9090)],
        "alertmanager" => [new("web", 9093), new("mesh-tcp", 9094), new("mesh-udp", 9094, "UDP")],
        "grafana" => [new("grafana", 3000)],
        "ingress-nginx-controller" => [new("http", 80), new("https", 443), new("webhook", 8443), new("metrics", 10254)],
        "metrics-server" => [new("https", 10250)],
        "cache" => [new("redis", 6379)],
        _ when index % 3 == 1 => [new("http", 8080), new("grpc", 9000), new("metrics", 9090)],
        _ => [new("http", 8080), new("metrics", 9090)],
    };

    /// <summary>
    /// Ports some application workloads add when a shape asks for more distinct container ports than the
    /// catalog declares (<see cref="ClusterShape.ContainerPorts"/>), in the order they are taken.
    /// </summary>
    public static readonly PortPlan[] ExtraPorts =
    [
        new("admin", 8081), new("otlp-grpc", 4317), new("statsd", 8125, "UDP"), new("pprof", 6060),
        new("jmx", 9404), new("amqp", 5672), new("kafka", 9092), new("memcache", 11211),
        new("sip", 5060, "SCTP"), new("graphql", 4000), new("ws", 8090), new("thrift", 9190),
    ];

    public static string Tier(string workload) => workload switch
    {
        "frontend" or "gateway" or "ingress-nginx-controller" => "frontend",
        "cache" or "ledger" => "data",
        _ => "backend",
    };
}
