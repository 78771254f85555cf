using Verity.Rbac.Authorization;
using Verity.Rbac.Model;

namespace Verity.Rbac.Diff;

/// <summary>
/// Permissions gained and lost per subject between two RBAC states (<c>verity rbac diff</c>). Pure.
/// <para><b>Definition.</b> The subjects compared are those of either model (bound by some binding, or a
/// ServiceAccount object), each with the identity <see cref="UserInfo.For(Subject)"/> gives it (so a service
/// account also holds what its implicit groups are bound to). For a subject, the permissions it holds are every
/// <see cref="Permission"/> whose request the authorizer allows: cluster-wide through its ClusterRoleBindings, or in
/// a namespace N (any namespace of either model) through ClusterRoleBindings and the RoleBindings of N. The
/// permission values range over the tokens the rules of both models use, with <c>*</c> kept as a value of its own;
/// a namespaced permission on a well-known cluster-scoped resource (<see cref="RequestAttributes.ClusterScopedResources"/>)
/// is not held, since the API server never asks a RoleBinding about it.</para>
/// <para><b>Reported.</b> Gained = held after and not before; lost = the reverse. Each list holds only its maximal
/// elements under <see cref="Permission.Covers"/>: <c>create deployments.apps</c> gained cluster-wide is not
/// repeated for every namespace, and a gained <c>*</c> verb hides the concrete verbs it brings. Because RBAC matching is
/// monotone in these tokens, the maximal gained permissions are exactly the gained ones spelled as some rule spells
/// them, so only those are enumerated (checked against a brute-force enumeration of the whole universe by a
/// property test).</para>
/// <para><b>Limits.</b> A change is seen only through the tokens of the rules: a rule <c>verbs: [*]</c> replaced
/// by a list of every verb known today shows the <c>*</c> as lost (future and custom verbs are no longer granted).
/// Users and groups not named by any binding are not compared (an unnamed user holds only what system:authenticated
/// holds, which shows on that group). Namespaces outside both models are not listed (a RoleBinding's namespace always
/// is). The <c>namespaces</c> object itself, which a RoleBinding in N can grant for N, is compared as any resource.</para>
/// </summary>
public static class RbacDiff
{
    public static RbacDiffResult Compare(RbacModel before, RbacModel after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var (was, now) = (new Authorizer(before), new Authorizer(after));
        var subjects = before.Subjects.Union(after.Subjects)
            .OrderBy(s => s.Kind).ThenBy(s => s.Namespace, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        var namespaces = before.Namespaces.Union(after.Namespaces).Order(StringComparer.Ordinal).ToList();
        IReadOnlyList<string?> scopes = [null, .. namespaces];
        var changes = new List<SubjectPermissionDiff>();
        foreach (var subject in subjects)
        {
            var gained = Changes(now, was, subject, scopes);
            var lost = Changes(was, now, subject, scopes);
            if (gained.Count > 0 || lost.Count > 0) changes.Add(new SubjectPermissionDiff(subject, gained, lost));
        }
        return new RbacDiffResult(changes, subjects.Count, namespaces.Count);
    }

    /// <summary>The maximal permissions <paramref name="subject"/> holds in <paramref name="have"/> and not in <paramref name="other"/>.</summary>
    private static List<PermissionChange> Changes(Authorizer have, Authorizer other, Subject subject, IReadOnlyList<string?> scopes)
    {
        var found = new Dictionary<Permission, Grant?>();
        foreach (var scope in scopes)
        {
            var theirs = other.RulesFor(subject, scope);
            foreach (var (permission, grant) in Candidates(have.RulesFor(subject, scope), scope))
            {
                if (!found.ContainsKey(permission) && !Allows(theirs, permission)) found[permission] = grant;
            }
        }
        return Maximal(found);
    }

    /// <summary>The permissions rules grant in a scope, spelled as the rules spell them. In a namespace only RoleBinding
    /// grants are enumerated: what a ClusterRoleBinding grants there it grants cluster-wide, which covers it.</summary>
    private static IEnumerable<(Permission, Grant?)> Candidates(EffectiveRules rules, string? scope)
    {
        if (rules.IsUnrestricted && scope is null)
        {
            yield return (new Permission { Verb = "*", ApiGroup = "*", Resource = "*" }, null);
            yield return (new Permission { Verb = "*", NonResourceUrl = "*" }, null);
        }
        foreach (var grant in rules.ResourceRules)
        {
            if (scope is not null && grant.Binding.IsClusterRoleBinding) continue;
            var rule = grant.Rule;
            var names = rule.ResourceNames.Count == 0 ? AnyName : rule.ResourceNames.ToArray<string?>();
            foreach (var group in rule.ApiGroups.Distinct())
            {
                foreach (var resource in rule.Resources.Distinct())
                {
                    if (scope is not null && IsClusterScoped(group, resource)) continue;
                    foreach (var verb in rule.Verbs.Distinct())
                    {
                        foreach (var name in names.Distinct())
                            yield return (new Permission { Namespace = scope, Verb = verb, ApiGroup = group, Resource = resource, ResourceName = name }, grant);
                    }
                }
            }
        }
        if (scope is not null) yield break;
        foreach (var grant in rules.NonResourceRules)
        {
            foreach (var url in grant.Rule.NonResourceUrls.Distinct())
            {
                foreach (var verb in grant.Rule.Verbs.Distinct())
                    yield return (new Permission { Verb = verb, NonResourceUrl = url }, grant);
            }
        }
    }

    /// <summary>Whether some rule allows the permission's request (RuleAllows), or the identity bypasses RBAC.</summary>
    internal static bool Allows(EffectiveRules rules, Permission permission)
    {
        if (rules.IsUnrestricted) return true;
        if (permission.Namespace is not null && IsClusterScoped(permission.ApiGroup, permission.Resource!)) return false;
        var request = permission.ToRequest();
        foreach (var grant in permission.IsResource ? rules.ResourceRules : rules.NonResourceRules)
        {
            if (permission.Namespace is null && permission.IsResource && !grant.Binding.IsClusterRoleBinding) continue;
            if (RuleMatcher.Allows(request, grant.Rule)) return true;
        }
        return false;
    }

    private static readonly string?[] AnyName = [null];

    internal static bool IsClusterScoped(string group, string resource)
    {
        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        return RequestAttributes.ClusterScopedResources.Contains((group, slash < 0 ? resource : resource[..slash]));
    }

    internal static List<PermissionChange> Maximal(IReadOnlyDictionary<Permission, Grant?> found) =>
        found.Where(p => !found.Keys.Any(q => q != p.Key && q.Covers(p.Key)))
            .Select(p => new PermissionChange(p.Key, p.Value))
            .OrderBy(c => c.Permission, PermissionOrder.Instance).ToList();
}
