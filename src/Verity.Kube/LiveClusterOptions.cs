namespace Verity.Kube;

/// <summary>
/// Which cluster to read and how. Mirrors kubectl's flags: <c>--kubeconfig</c>, <c>--context</c> and
/// <c>--namespace</c>; <see cref="PageSize"/> is the <c>limit</c> of each list request
/// (https://kubernetes.io/docs/reference/using-api/api-concepts/#retrieving-large-results-sets-in-chunks).
/// </summary>
public sealed record LiveClusterOptions
{
    /// <summary>
    /// A kubeconfig file. When null: the files listed in <c>KUBECONFIG</c> (merged, first wins), else
    /// <c>~/.kube/config</c>, else the in-cluster service account when running in a pod.
    /// </summary>
    public string? Kubeconfig { get; init; }

    /// <summary>The kubeconfig context to use; null means the kubeconfig's <c>current-context</c>.</summary>
    public string? Context { get; init; }

    /// <summary>
    /// Read namespaced kinds of this namespace only (and only this Namespace object); null or empty reads all namespaces.
    /// Cluster-scoped kinds (ClusterRoles, ClusterRoleBindings, cluster network policies) are read either way:
    /// RBAC and network engines need them to judge a namespace.
    /// </summary>
    public string? Namespace { get; init; }

    /// <summary>Objects per list request (the API's <c>limit</c>); at least 1.</summary>
    public int PageSize { get; init; } = 500;
}
