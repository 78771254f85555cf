using Verity.Rbac.Model;

namespace Verity.Rbac.Authorization;

/// <summary>Why a permission is held: <see cref="Binding"/> binds <see cref="Subject"/> to <see cref="Role"/>,
/// whose <see cref="Rule"/> (see its <see cref="PolicyRule.Origin"/>) covers the request.</summary>
public sealed record Grant(Binding Binding, Subject Subject, Role Role, PolicyRule Rule)
{
    /// <summary><c>RoleBinding/ns/b (User alice) -> ClusterRole/edit: ClusterRole/aggregate-to-edit rules[2]</c>.</summary>
    public override string ToString() => $"{Binding} ({Subject}) -> {Role}: {Rule.Origin}";
}
