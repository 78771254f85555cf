namespace Verity.Bench.Rbac;

/// <summary>How big the generated RBAC is: <see cref="Roles"/> Roles and ClusterRoles together (a tenth
/// ClusterRoles), <see cref="Bindings"/> RoleBindings and ClusterRoleBindings together (one in twenty a
/// ClusterRoleBinding), <see cref="AccountsPerNamespace"/> service accounts and <see cref="WorkloadsPerNamespace"/>
/// Deployments (for the escalation paths) in each namespace.</summary>
internal sealed record RbacShape(int Roles, int Bindings, int Namespaces, int AccountsPerNamespace, int WorkloadsPerNamespace, int Seed)
{
    public int ClusterRoles => Math.Max(RbacInput.BootstrapClusterRoleCount, Roles / 10);
    public int NamespacedRoles => Math.Max(0, Roles - ClusterRoles);
    public int ClusterRoleBindings => Math.Max(1, Bindings / 20);
    public int RoleBindings => Bindings - ClusterRoleBindings;
}
