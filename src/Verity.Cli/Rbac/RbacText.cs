using Verity.Rbac.Authorization;
using Verity.Rbac.Model;

namespace Verity.Cli.Rbac;

/// <summary>How the rbac commands name RBAC objects, in tables and JSON alike: <c>ClusterRoleBinding name</c>,
/// <c>RoleBinding ns/name</c>, <c>Role ns/name</c>, <c>ServiceAccount ns/name</c>, <c>User alice</c>.</summary>
internal static class RbacText
{
    public static string Binding(Binding binding) => binding.Namespace is null ? $"{binding.Kind} {binding.Name}" : $"{binding.Kind} {binding.Namespace}/{binding.Name}";

    public static string Role(Grant grant) => grant.Role.Namespace is null ? $"{grant.Role.Kind} {grant.Role.Name}" : $"{grant.Role.Kind} {grant.Role.Namespace}/{grant.Role.Name}";

    /// <summary><c>RoleBinding api/deployer -> ClusterRole edit</c>.</summary>
    public static string Via(Grant grant) => $"{Binding(grant.Binding)} -> {Role(grant)}";

    /// <summary><c>[get list]</c>, kubectl's list form.</summary>
    public static string List(IEnumerable<string> values) => $"[{string.Join(" ", values)}]";
}
