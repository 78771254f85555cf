namespace Verity.Rbac.Authorization;

/// <summary>
/// The RBAC authorizer's verdict (authorizer.Decision): it either allows, or has no opinion. RBAC never
/// denies; with RBAC as the only authorizer, <see cref="NoOpinion"/> means the request is refused.
/// </summary>
public enum Decision
{
    NoOpinion,
    Allowed,
}
