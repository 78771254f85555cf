using Verity.Rbac.Model;

namespace Verity.Rbac.Compilation;

/// <summary>
/// Computes the rules of aggregated ClusterRoles as pkg/controller/clusterroleaggregation
/// (ClusterRoleAggregationController.syncClusterRole) writes them: for each selector, the ClusterRoles
/// it matches sorted by name, the role itself skipped, their rules appended unless an equal rule is
/// already there (<c>ruleExists</c>). The written rules of an aggregated role are replaced.
/// <para>
/// The controller converges over time as aggregated roles feed each other; here that is the least
/// fixpoint, computed by starting every aggregated role empty and repeating until nothing changes
/// (rules only grow, so it terminates). A cycle of roles that only aggregate each other stays empty,
/// where the live controller could keep stale rules.
/// </para>
/// </summary>
internal static class RoleAggregator
{
    public static IReadOnlyList<Role> Aggregate(IReadOnlyList<Role> clusterRoles)
    {
        var byName = clusterRoles.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var current = clusterRoles.ToDictionary(r => r.Name, r => r.IsAggregated ? new List<PolicyRule>() : r.Rules.ToList(), StringComparer.Ordinal);
        var aggregated = clusterRoles.Where(r => r.IsAggregated).ToList();
        // Which roles each aggregated role selects never changes: compute it once.
        var sources = aggregated.ToDictionary(r => r.Name, r => r.AggregationSelectors!
            .Select(s => byName.Where(c => c.Name != r.Name && s.Matches(c.Labels)).Select(c => c.Name).ToList()).ToList(), StringComparer.Ordinal);
        for (var changed = aggregated.Count > 0; changed;)
        {
            changed = false;
            foreach (var role in aggregated)
            {
                var rules = new List<PolicyRule>();
                foreach (var selected in sources[role.Name])
                {
                    foreach (var name in selected)
                    {
                        foreach (var rule in current[name])
                        {
                            if (!rules.Exists(r => r.SameContent(rule))) rules.Add(rule);
                        }
                    }
                }
                if (rules.Count != current[role.Name].Count) changed = true;
                current[role.Name] = rules;
            }
        }
        return clusterRoles.Select(r => r.IsAggregated ? r with { Rules = current[r.Name].AsReadOnly() } : r).ToList();
    }
}
