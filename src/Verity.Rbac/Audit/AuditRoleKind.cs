namespace Verity.Rbac.Audit;

/// <summary>Whether a generated role is a namespaced Role or a ClusterRole.</summary>
public enum AuditRoleKind
{
    ClusterRole,
    Role,
}
