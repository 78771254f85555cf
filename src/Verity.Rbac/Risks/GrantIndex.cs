using Verity.Rbac.Authorization;
using Verity.Rbac.Model;

namespace Verity.Rbac.Risks;

/// <summary>
/// Every binding by the user name and group it names, ClusterRoleBindings first, built once so each
/// subject's grants are gathered without scanning all bindings. Applicability is the authorizer's
/// (<see cref="BindingIndex.Applies"/>, appliesToUser).
/// </summary>
internal sealed class GrantIndex
{
    private readonly Dictionary<string, List<int>> _byUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byGroup = new(StringComparer.Ordinal);
    private readonly List<Binding> _ordered;
    private readonly Dictionary<PolicyRule, ProbeMask> _masks = new(ReferenceEqualityComparer.Instance);

    public GrantIndex(IReadOnlyList<Binding> bindings)
    {
        _ordered = bindings.Where(b => b.IsClusterRoleBinding).Concat(bindings.Where(b => !b.IsClusterRoleBinding)).ToList();
        for (var i = 0; i < _ordered.Count; i++)
        {
            foreach (var subject in _ordered[i].Subjects)
            {
                var (map, key) = subject.Kind == SubjectKind.Group ? (_byGroup, subject.Name) : (_byUser, subject.UserName!);
                if (!map.TryGetValue(key, out var list)) map[key] = list = [];
                if (list.Count == 0 || list[^1] != i) list.Add(i);
            }
        }
        // The probes each bound rule can allow, once: subjects share roles, so this is most of the matching work.
        var rules = _ordered.Where(b => b.Role is not null).Select(b => b.Role!).Distinct(ReferenceEqualityComparer.Instance).Cast<Role>()
            .SelectMany(r => r.Rules).Distinct(ReferenceEqualityComparer.Instance).Cast<PolicyRule>().ToList();
        var masks = new ProbeMask[rules.Count];
        Parallel.For(0, rules.Count, i => masks[i] = ProbeMask.Of(rules[i]));
        for (var i = 0; i < rules.Count; i++) _masks[rules[i]] = masks[i];
    }

    /// <summary>The resource-rule grants that apply to <paramref name="user"/>: those of ClusterRoleBindings,
    /// and those of RoleBindings by namespace. Rules no probe of the catalog can match (non-resource rules,
    /// configmaps readers…) are left out: they cannot change any check's answer.</summary>
    public SubjectGrants For(UserInfo user)
    {
        var positions = new SortedSet<int>();
        if (_byUser.TryGetValue(user.Name, out var forUser)) positions.UnionWith(forUser);
        foreach (var group in user.Groups)
        {
            if (_byGroup.TryGetValue(group, out var forGroup)) positions.UnionWith(forGroup);
        }
        var cluster = new List<Grant>();
        var byNamespace = new SortedDictionary<string, List<Grant>>(StringComparer.Ordinal);
        var clusterMask = ProbeMask.Empty;
        var namespaceMasks = new Dictionary<string, ProbeMask>(StringComparer.Ordinal);
        foreach (var i in positions)
        {
            var binding = _ordered[i];
            if (binding.Role is not { } role) continue;
            var subject = binding.Subjects.First(s => BindingIndex.Applies(user, s));
            List<Grant> target;
            if (binding.IsClusterRoleBinding) target = cluster;
            else if (!byNamespace.TryGetValue(binding.Namespace!, out target!)) byNamespace[binding.Namespace!] = target = [];
            foreach (var rule in role.Rules)
            {
                var mask = _masks[rule];
                if (mask.IsEmpty) continue;
                target.Add(new Grant(binding, subject, role, rule));
                if (binding.IsClusterRoleBinding) clusterMask = clusterMask.Or(mask);
                else namespaceMasks[binding.Namespace!] = namespaceMasks.GetValueOrDefault(binding.Namespace!).Or(mask);
            }
        }
        return new SubjectGrants(cluster, byNamespace, _masks, clusterMask, namespaceMasks);
    }
}
