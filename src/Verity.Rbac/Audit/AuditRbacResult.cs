using Verity.Core.Model;

namespace Verity.Rbac.Audit;

/// <summary>
/// What <see cref="AuditRbacGenerator"/> derived from an audit log. <see cref="Roles"/> and
/// <see cref="Bindings"/> are parallel: binding i binds role i. They are ordered by subject user name,
/// then the ClusterRole before the Roles, Roles by namespace (all ordinal).
/// </summary>
public sealed record AuditRbacResult
{
    public required IReadOnlyList<AuditRole> Roles { get; init; }
    public required IReadOnlyList<AuditRoleBinding> Bindings { get; init; }
    /// <summary>Requests answered 403 Forbidden, in log order; they are not granted.</summary>
    public required IReadOnlyList<AuditRequest> Denied { get; init; }
    /// <summary>Lines that could not be read and requests that were skipped, in log order.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
    /// <summary>Distinct authorized requests (by auditID) that the roles were derived from.</summary>
    public required int AuthorizedCount { get; init; }
    /// <summary>Distinct requests left out by the user filter.</summary>
    public required int FilteredOutCount { get; init; }
}
