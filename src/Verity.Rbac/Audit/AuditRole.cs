using Verity.Rbac.Model;

namespace Verity.Rbac.Audit;

/// <summary>
/// A generated Role (in <see cref="Namespace"/>) or ClusterRole (<see cref="Namespace"/> null) for one
/// subject, with the number of distinct authorized requests its rules were derived from.
/// </summary>
public sealed record AuditRole
{
    public required AuditRoleKind Kind { get; init; }
    public required string Name { get; init; }
    public string? Namespace { get; init; }
    public required Subject Subject { get; init; }
    public required IReadOnlyList<AuditRule> Rules { get; init; }
    public required int RequestCount { get; init; }
}
