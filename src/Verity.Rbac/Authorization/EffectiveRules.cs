namespace Verity.Rbac.Authorization;

/// <summary>
/// What an identity may do in one scope, like <c>kubectl auth can-i --list</c> (a SelfSubjectRulesReview):
/// rules with resources, and rules with non-resource URLs, each with the grant it comes from. Unlike the
/// review, non-resource rules reached through a RoleBinding are left out, because they can never match
/// (see <see cref="Authorizer.RulesFor(UserInfo, string?)"/>). When <see cref="IsUnrestricted"/> (the
/// identity is in system:masters) everything is allowed whatever the lists say.
/// </summary>
public sealed record EffectiveRules(IReadOnlyList<Grant> ResourceRules, IReadOnlyList<Grant> NonResourceRules, bool IsUnrestricted);
