using Verity.Rbac.Model;

namespace Verity.Rbac.Authorization;

/// <summary>
/// The rules of every role that is bound at least once, by verb (<c>*</c> rules under "*"), and the
/// bindings of each role: <see cref="Authorizer.WhoCan"/> checks only the rules naming its verb, then
/// walks only the bindings of roles that matched.
/// </summary>
internal sealed class RoleRuleIndex
{
    private readonly Dictionary<string, List<(Role Role, PolicyRule Rule)>> _byVerb = new(StringComparer.Ordinal);
    private readonly Dictionary<Role, List<Binding>> _bindingsOf = new(ReferenceEqualityComparer.Instance);

    public RoleRuleIndex(IReadOnlyList<Binding> orderedBindings)
    {
        foreach (var binding in orderedBindings)
        {
            if (binding.Role is not { } role) continue;
            if (!_bindingsOf.TryGetValue(role, out var list))
            {
                _bindingsOf[role] = list = [];
                foreach (var rule in role.Rules)
                {
                    foreach (var verb in rule.Verbs.Distinct())
                    {
                        if (!_byVerb.TryGetValue(verb, out var rules)) _byVerb[verb] = rules = [];
                        rules.Add((role, rule));
                    }
                }
            }
            list.Add(binding);
        }
    }

    /// <summary>For each bound role with a rule allowing <paramref name="request"/>, its first such rule
    /// (in the role's rule order); the request's user is not looked at.</summary>
    public Dictionary<Role, PolicyRule> MatchingRoles(RequestAttributes request)
    {
        var found = new Dictionary<Role, PolicyRule>(ReferenceEqualityComparer.Instance);
        IEnumerable<List<(Role, PolicyRule)>> lists = request.Verb == "*"
            ? [_byVerb.GetValueOrDefault("*") ?? []]
            : [_byVerb.GetValueOrDefault(request.Verb) ?? [], _byVerb.GetValueOrDefault("*") ?? []];
        foreach (var (role, rule) in lists.SelectMany(l => l))
        {
            if (RuleMatcher.Allows(request, rule)
                && (!found.TryGetValue(role, out var existing) || IndexIn(role, rule) < IndexIn(role, existing)))
                found[role] = rule;
        }
        return found;
    }

    public IReadOnlyList<Binding> BindingsOf(Role role) => _bindingsOf.GetValueOrDefault(role) ?? [];

    private static int IndexIn(Role role, PolicyRule rule)
    {
        for (var i = 0; i < role.Rules.Count; i++)
        {
            if (ReferenceEquals(role.Rules[i], rule)) return i;
        }
        return int.MaxValue;
    }
}
