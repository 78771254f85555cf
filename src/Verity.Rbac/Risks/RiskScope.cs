namespace Verity.Rbac.Risks;

/// <summary>
/// Where a finding holds. A ClusterRoleBinding grants everywhere: <see cref="Cluster"/> when the capability
/// involves cluster-scoped objects (nodes, ClusterRoles, the wildcard), <see cref="AllNamespaces"/> when it
/// is about namespaced objects in every namespace. A RoleBinding grants in its namespace only:
/// <c>namespace:NS</c>.
/// </summary>
public static class RiskScope
{
    public const string Cluster = "cluster";
    public const string AllNamespaces = "all-namespaces";
    public const string NamespacePrefix = "namespace:";

    public static string Namespace(string ns) => NamespacePrefix + ns;

    /// <summary>The namespace of a <c>namespace:NS</c> scope; null for cluster and all-namespaces.</summary>
    public static string? NamespaceOf(string scope) =>
        scope.StartsWith(NamespacePrefix, StringComparison.Ordinal) ? scope[NamespacePrefix.Length..] : null;

    /// <summary>True for scopes granted by a ClusterRoleBinding.</summary>
    public static bool IsClusterWide(string scope) => scope is Cluster or AllNamespaces;

    /// <summary>Cluster, then all-namespaces, then namespaces by name.</summary>
    public static int Compare(string a, string b)
    {
        static int Order(string s) => s == Cluster ? 0 : s == AllNamespaces ? 1 : 2;
        var byKind = Order(a).CompareTo(Order(b));
        return byKind != 0 ? byKind : string.CompareOrdinal(a, b);
    }
}
