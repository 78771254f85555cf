namespace Verity.Rbac.Audit;

/// <summary>The <c>user</c> or <c>impersonatedUser</c> of an audit event (authentication/v1 UserInfo);
/// only the fields RBAC generation needs. <see cref="Username"/> is empty when the event has none
/// (e.g. a request that failed authentication).</summary>
public sealed record AuditUser
{
    public required string Username { get; init; }
    public IReadOnlyList<string> Groups { get; init; } = [];
}
