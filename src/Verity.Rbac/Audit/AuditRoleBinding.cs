using Verity.Rbac.Model;

namespace Verity.Rbac.Audit;

/// <summary>A generated RoleBinding (in <see cref="Namespace"/>) or ClusterRoleBinding (<see cref="Namespace"/> null)
/// binding one generated role to its subject. It has the same name as the role it binds.</summary>
public sealed record AuditRoleBinding
{
    public required string Name { get; init; }
    public string? Namespace { get; init; }
    public required AuditRoleKind RoleKind { get; init; }
    public required string RoleName { get; init; }
    public required Subject Subject { get; init; }

    /// <summary><c>RoleBinding</c> or <c>ClusterRoleBinding</c>.</summary>
    public string Kind => Namespace is null ? "ClusterRoleBinding" : "RoleBinding";
}
