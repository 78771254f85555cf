namespace Verity.Rbac.Risks;

/// <summary>Which bindings can grant a probe's request.</summary>
internal enum ProbeScope
{
    /// <summary>A request in a namespace: ClusterRoleBindings and the RoleBindings of that namespace.</summary>
    Namespaced,

    /// <summary>A request without a namespace (cluster-scoped resources, users, groups): ClusterRoleBindings only.</summary>
    Cluster,

    /// <summary>The namespace object itself (<c>namespaces/NS</c>), whose request carries namespace NS
    /// (RequestInfoFactory), so a RoleBinding in NS can grant it for NS only.</summary>
    OwnNamespace,
}
