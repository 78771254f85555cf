using Verity.Rbac.Model;

namespace Verity.Rbac.Risks;

/// <summary>
/// Why a finding holds: <see cref="Binding"/> (<c>RoleBinding dev/x</c>, <c>ClusterRoleBinding x</c>)
/// binds <see cref="Role"/> (<c>Role dev/y</c>, <c>ClusterRole y</c>), whose <see cref="Rule"/> (with its
/// origin) allows the capability. <see cref="Detail"/> says what else matters: the group the grant names
/// when the subject holds it through a group, or why there is no rule (system:masters, a missing object).
/// </summary>
public sealed record RiskEvidence(string? Binding, string? Role, PolicyRule? Rule, string? Detail = null)
{
    public static string Describe(Binding binding) =>
        binding.Namespace is null ? $"{binding.Kind} {binding.Name}" : $"{binding.Kind} {binding.Namespace}/{binding.Name}";

    public static string Describe(Role role) =>
        role.Namespace is null ? $"{role.Kind} {role.Name}" : $"{role.Kind} {role.Namespace}/{role.Name}";

    public override string ToString() =>
        string.Join(" -> ", new[] { Binding, Role, Rule is null ? null : $"{Rule.Origin}: {Rule}" }.Where(s => s is not null))
        + (Detail is null ? "" : $" ({Detail})");
}
