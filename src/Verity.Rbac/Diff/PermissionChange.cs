using Verity.Rbac.Authorization;

namespace Verity.Rbac.Diff;

/// <summary>A permission gained or lost, with the grant that gives it on the side that has it (the "after"
/// snapshot for a gain, "before" for a loss); null only for a member of system:masters, which bypasses RBAC.</summary>
public sealed record PermissionChange(Permission Permission, Grant? Grant);
