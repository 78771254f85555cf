namespace Verity.Rbac.Audit;

/// <summary>Options of <see cref="AuditRbacGenerator"/>.</summary>
public sealed record AuditRbacOptions
{
    /// <summary>Only requests whose effective user name is exactly this (e.g. <c>alice</c> or
    /// <c>system:serviceaccount:ns1:sa1</c>) are used; null means every user gets its own roles.</summary>
    public string? User { get; init; }
}
