namespace Verity.Rbac.Authorization;

/// <summary>
/// The answer to one request: the <see cref="Decision"/>, a human-readable <see cref="Reason"/> in the
/// API server's words, and the <see cref="Grant"/> that allowed it (null when not allowed, or when allowed
/// because the user is in system:masters — then <see cref="IsPrivilegedGroup"/> is true).
/// </summary>
public sealed record AuthorizationDecision(Decision Decision, string Reason, Grant? Grant = null, bool IsPrivilegedGroup = false)
{
    public bool Allowed => Decision == Decision.Allowed;
}
