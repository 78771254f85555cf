using Verity.Rbac.Model;

namespace Verity.Rbac.Diff;

/// <summary>What one subject gained and lost, each list its maximal permissions only (see <see cref="RbacDiff"/>), sorted.</summary>
public sealed record SubjectPermissionDiff(Subject Subject, IReadOnlyList<PermissionChange> Gained, IReadOnlyList<PermissionChange> Lost);
