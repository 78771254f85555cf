using Verity.Rbac.Model;

namespace Verity.Rbac.Authorization;

/// <summary>
/// The bindings that can apply to an identity, found by user name and by group instead of scanning
/// every binding. Users and service accounts are keyed by the user name they match (a service account
/// subject matches exactly <c>system:serviceaccount:NS:NAME</c>, as serviceaccount.MatchesUsername).
/// Positions keep input order, ClusterRoleBindings first, the order VisitRulesFor visits them.
/// </summary>
internal sealed class BindingIndex
{
    private readonly Dictionary<string, List<int>> _byUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byGroup = new(StringComparer.Ordinal);

    public BindingIndex(IReadOnlyList<Binding> bindings)
    {
        Ordered = bindings.Where(b => b.IsClusterRoleBinding).Concat(bindings.Where(b => !b.IsClusterRoleBinding)).ToList();
        for (var i = 0; i < Ordered.Count; i++)
        {
            foreach (var subject in Ordered[i].Subjects)
            {
                var (map, key) = subject.Kind == SubjectKind.Group ? (_byGroup, subject.Name) : (_byUser, subject.UserName!);
                if (!map.TryGetValue(key, out var list)) map[key] = list = [];
                if (list.Count == 0 || list[^1] != i) list.Add(i);
            }
        }
    }

    /// <summary>ClusterRoleBindings then RoleBindings, each in input order.</summary>
    public IReadOnlyList<Binding> Ordered { get; }

    /// <summary>
    /// The bindings that apply to <paramref name="user"/> for a request in <paramref name="ns"/> (""
    /// for cluster scope), with the first subject that matched (appliesTo): every ClusterRoleBinding,
    /// and the RoleBindings of <paramref name="ns"/> only when it is not empty.
    /// </summary>
    public IEnumerable<(Binding Binding, Subject Subject)> Applying(UserInfo user, string ns)
    {
        var positions = new SortedSet<int>();
        if (_byUser.TryGetValue(user.Name, out var forUser)) positions.UnionWith(forUser);
        foreach (var group in user.Groups)
        {
            if (_byGroup.TryGetValue(group, out var forGroup)) positions.UnionWith(forGroup);
        }
        foreach (var i in positions)
        {
            var binding = Ordered[i];
            if (!binding.IsClusterRoleBinding && (ns.Length == 0 || binding.Namespace != ns)) continue;
            yield return (binding, binding.Subjects.First(s => Applies(user, s)));
        }
    }

    /// <summary>appliesToUser (pkg/registry/rbac/validation/rule.go); service account namespaces are already defaulted.</summary>
    public static bool Applies(UserInfo user, Subject subject) => subject.Kind switch
    {
        SubjectKind.Group => user.Groups.Contains(subject.Name),
        _ => user.Name == subject.UserName,
    };
}
