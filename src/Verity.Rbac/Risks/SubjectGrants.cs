using Verity.Rbac.Authorization;
using Verity.Rbac.Model;

namespace Verity.Rbac.Risks;

/// <summary>
/// One identity's effective resource rules, split as the authorizer visits them: <see cref="ClusterWide"/>
/// (ClusterRoleBindings, apply to every request) and <see cref="ByNamespace"/> (RoleBindings, apply to
/// requests in their namespace). <see cref="Evaluate"/> answers a <see cref="RiskCheck"/> with
/// <see cref="RuleMatcher.Allows"/>, the matching the authorizer uses.
/// </summary>
internal sealed class SubjectGrants(IReadOnlyList<Grant> clusterWide, SortedDictionary<string, List<Grant>> byNamespace,
    IReadOnlyDictionary<PolicyRule, ProbeMask> masks, ProbeMask clusterMask, IReadOnlyDictionary<string, ProbeMask> namespaceMasks)
{
    public IReadOnlyList<Grant> ClusterWide { get; } = clusterWide;
    public IReadOnlyDictionary<string, List<Grant>> ByNamespace { get; } = byNamespace;

    /// <summary>The probes the ClusterRoleBinding grants can allow.</summary>
    public ProbeMask ClusterMask { get; } = clusterMask;

    /// <summary>The probes the RoleBinding grants of a namespace can allow.</summary>
    public ProbeMask NamespaceMask(string ns) => namespaceMasks.GetValueOrDefault(ns);

    public bool IsEmpty => ClusterWide.Count == 0 && ByNamespace.Count == 0;

    /// <summary>The check through ClusterRoleBindings only (<paramref name="ns"/> null), or for requests in
    /// namespace <paramref name="ns"/> (ClusterRoleBindings and that namespace's RoleBindings).</summary>
    public CheckResult Evaluate(RiskCheck check, string? ns)
    {
        CheckResult? best = null;
        var partial = new List<CheckResult>();
        foreach (var alternative in check.Alternatives)
        {
            var result = AllOf(alternative, ns);
            if (!result.Holds) continue;
            if (result.Full)
            {
                best = result;
                break;
            }
            partial.Add(result);
        }
        if (best is not null) return best;
        if (partial.Count == 0) return CheckResult.None;
        return new CheckResult(false, Union(partial.SelectMany(p => p.Names)), partial.SelectMany(p => p.Grants).ToList(), partial.Any(p => p.TouchesCluster));
    }

    /// <summary>Every requirement must hold; the names of restricted requirements limit the result.</summary>
    private CheckResult AllOf(IReadOnlyList<IReadOnlyList<Probe>> requirements, string? ns)
    {
        var results = new List<CheckResult>(requirements.Count);
        foreach (var requirement in requirements)
        {
            var result = AnyOf(requirement, ns);
            if (!result.Holds) return CheckResult.None;
            results.Add(result);
        }
        var full = results.All(r => r.Full);
        return new CheckResult(full, full ? [] : Union(results.Where(r => !r.Full).SelectMany(r => r.Names)),
            results.SelectMany(r => r.Grants).ToList(), results.Any(r => r.TouchesCluster));
    }

    /// <summary>Any probe: unrestricted probes win; otherwise the union of the names allowed.</summary>
    private CheckResult AnyOf(IReadOnlyList<Probe> probes, string? ns)
    {
        List<Grant>? fullGrants = null;
        var touches = false;
        List<string>? names = null;
        List<Grant>? namedGrants = null;
        foreach (var probe in probes)
        {
            var nsName = ns ?? "";
            // The namespace object is named after itself; in a namespace scope only that one counts.
            var name = probe.Scope == ProbeScope.OwnNamespace ? nsName : "";
            if (First(probe, probe.Request(name, nsName), ns) is { } grant)
            {
                (fullGrants ??= []).Add(grant);
                touches |= probe.Scope != ProbeScope.Namespaced && ns is null;
                continue;
            }
            if (fullGrants is not null || !probe.Named || probe.Scope == ProbeScope.OwnNamespace && ns is not null) continue;
            foreach (var candidate in Candidates(probe, ns))
            {
                var added = false;
                foreach (var resourceName in candidate.Rule.ResourceNames)
                {
                    if (!RuleMatcher.Allows(probe.Request(resourceName, nsName), candidate.Rule)) continue;
                    (names ??= []).Add(resourceName);
                    added = true;
                }
                if (added)
                {
                    (namedGrants ??= []).Add(candidate);
                    touches |= probe.Scope != ProbeScope.Namespaced && ns is null;
                }
            }
        }
        if (fullGrants is not null) return new CheckResult(true, [], fullGrants, touches);
        return names is null ? CheckResult.None : new CheckResult(false, Union(names), namedGrants!, touches);
    }

    private Grant? First(Probe probe, RequestAttributes request, string? ns)
    {
        foreach (var grant in Candidates(probe, ns))
        {
            if (RuleMatcher.Allows(request, grant.Rule)) return grant;
        }
        return null;
    }

    /// <summary>ClusterRoleBinding grants, then — for a request that has a namespace — that namespace's RoleBinding grants.</summary>
    private IEnumerable<Grant> Candidates(Probe probe, string? ns)
    {
        var bit = RiskChecks.MaskOf(probe);
        foreach (var grant in ClusterWide)
        {
            if (masks[grant.Rule].Intersects(bit)) yield return grant;
        }
        if (ns is null || probe.Scope == ProbeScope.Cluster || !ByNamespace.TryGetValue(ns, out var local)) yield break;
        foreach (var grant in local)
        {
            if (masks[grant.Rule].Intersects(bit)) yield return grant;
        }
    }

    private static IReadOnlyList<string> Union(IEnumerable<string> names) => names.Distinct().Order(StringComparer.Ordinal).ToList();
}
