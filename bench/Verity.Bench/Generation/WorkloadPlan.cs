namespace Verity.Bench.Generation;

/// <summary>
/// One Deployment of the synthetic cluster with everything its objects share: the ReplicaSet's
/// pod-template-hash, the selector, ports, image and service account. <see cref="GlobalIndex"/> numbers the
/// workloads of the whole cluster and fixes their pod IPs.
/// </summary>
internal sealed record WorkloadPlan(
    NamespacePlan Namespace,
    int Index,
    int GlobalIndex,
    string Name,
    string Tier,
    string Image,
    IReadOnlyList<PortPlan> Ports,
    bool HasSidecar,
    string TemplateHash,
    DateTimeOffset Created)
{
    public string ServiceAccount => Name;

    public string ReplicaSetName => $"{Name}-{TemplateHash}";

    /// <summary>The label the Deployment selects on: coredns keeps its historical <c>k8s-app: kube-dns</c>.</summary>
    public KeyValuePair<string, string> SelectorLabel =>
        Name == "coredns" ? new("k8s-app", "kube-dns") : new("app.kubernetes.io/name", Name);

    /// <summary>The first port: the one Services expose as their main port and NetworkPolicies open.</summary>
    public PortPlan MainPort => Ports[0];
}
