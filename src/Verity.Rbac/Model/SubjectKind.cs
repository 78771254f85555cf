namespace Verity.Rbac.Model;

/// <summary>The subject kinds RBAC knows (rbacv1.UserKind, GroupKind, ServiceAccountKind).</summary>
public enum SubjectKind
{
    User,
    Group,
    ServiceAccount,
}
