using Verity.Core.Model;

namespace Verity.Rbac.Model;

/// <summary>
/// Where a rule was written: the role (kind, namespace, name) and its index in <c>rules</c>. For an
/// aggregated ClusterRole this is the role the rule was aggregated from, not the aggregating role.
/// Equality is on the role and index only, not on <see cref="Source"/>.
/// </summary>
public sealed record RuleOrigin(string RoleKind, string? RoleNamespace, string RoleName, int RuleIndex)
{
    /// <summary>The role object the rule is in, when known.</summary>
    public KubeObject? Source { get; init; }

    /// <summary>The rule's place in the source (file, line, column). Computed on demand: locating
    /// re-reads the document, which is too slow to do for every rule up front.</summary>
    public SourceLocation? Location() => Source?.LocationOf(["rules", RuleIndex]);

    public bool Equals(RuleOrigin? other) =>
        other is not null && RoleKind == other.RoleKind && RoleNamespace == other.RoleNamespace && RoleName == other.RoleName && RuleIndex == other.RuleIndex;

    public override int GetHashCode() => HashCode.Combine(RoleKind, RoleNamespace, RoleName, RuleIndex);

    /// <summary><c>ClusterRole/view rules[3]</c> or <c>Role/ns/name rules[0]</c>.</summary>
    public override string ToString() =>
        RoleNamespace is null ? $"{RoleKind}/{RoleName} rules[{RuleIndex}]" : $"{RoleKind}/{RoleNamespace}/{RoleName} rules[{RuleIndex}]";
}
