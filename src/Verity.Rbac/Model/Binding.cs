using Verity.Core.Model;

namespace Verity.Rbac.Model;

/// <summary>
/// A compiled RoleBinding (<see cref="Namespace"/> set) or ClusterRoleBinding. Invalid subjects are
/// left out (and reported), so <see cref="Subjects"/> holds only subjects RBAC can match.
/// <see cref="Role"/> is the referenced role, or null when it is not in the input (it then grants nothing).
/// </summary>
public sealed record Binding
{
    public const string RoleBindingKind = "RoleBinding";
    public const string ClusterRoleBindingKind = "ClusterRoleBinding";

    public required string Kind { get; init; }
    public string? Namespace { get; init; }
    public required string Name { get; init; }
    public required RoleReference RoleRef { get; init; }
    public required IReadOnlyList<Subject> Subjects { get; init; }
    public Role? Role { get; init; }
    public required KubeObject Source { get; init; }

    public bool IsClusterRoleBinding => Kind == ClusterRoleBindingKind;

    /// <summary><c>ClusterRoleBinding/name</c> or <c>RoleBinding/ns/name</c>.</summary>
    public override string ToString() => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}
