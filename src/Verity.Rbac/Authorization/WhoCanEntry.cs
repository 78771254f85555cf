using Verity.Rbac.Model;

namespace Verity.Rbac.Authorization;

/// <summary>
/// One answer to <see cref="Authorizer.WhoCan"/>: <see cref="Subject"/> may make the request through
/// <see cref="Grant"/>. When the grant names a group the subject belongs to implicitly (a service account
/// in <c>system:serviceaccounts</c>, <c>system:serviceaccounts:NS</c> or <c>system:authenticated</c>),
/// <see cref="ViaGroup"/> is that group and <see cref="Grant"/>.Subject is the group.
/// </summary>
public sealed record WhoCanEntry(Subject Subject, Grant Grant, string? ViaGroup = null)
{
    public override string ToString() => ViaGroup is null ? $"{Subject}: {Grant}" : $"{Subject} (via Group {ViaGroup}): {Grant}";
}
