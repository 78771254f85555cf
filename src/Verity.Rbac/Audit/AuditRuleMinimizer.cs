namespace Verity.Rbac.Audit;

/// <summary>
/// Turns the authorized requests of one role into the fewest rules this exact procedure yields, allowing
/// exactly the observed (verb, apiGroup, resource, name) and (verb, URL) tuples — a request without a name
/// allows its verb on every name, as RBAC matches a rule without resourceNames. Verbs are never added
/// (a get does not grant list), and no merge forms a cross product that was not observed:
/// <list type="number">
/// <item>per (apiGroup, resource): the verbs seen without a name form one rule; for each name, the verbs seen
/// with it minus those already allowed without a name;</item>
/// <item>names of one (apiGroup, resource) with the same verb set share a rule;</item>
/// <item>resources of one apiGroup with the same verbs and names share a rule;</item>
/// <item>apiGroups with the same resources, verbs and names share a rule;</item>
/// <item>non-resource URLs with the same verb set share a rule.</item>
/// </list>
/// Lists are sorted ordinal; rules are ordered resource rules first, by apiGroups, resources, resourceNames, verbs.
/// </summary>
internal static class AuditRuleMinimizer
{
    private const char Separator = '\u0000';

    public static IReadOnlyList<AuditRule> Minimize(IEnumerable<AuditRequest> requests)
    {
        var nameless = new SortedDictionary<(string Group, string Resource), SortedSet<string>>();
        var named = new SortedDictionary<(string Group, string Resource, string Name), SortedSet<string>>();
        var urls = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            if (request.NonResourceUrl is { } url) Add(urls, url, request.Verb);
            else if (request.Name.Length == 0) Add(nameless, (request.ApiGroup, request.Resource!), request.Verb);
            else Add(named, (request.ApiGroup, request.Resource!, request.Name), request.Verb);
        }

        // Steps 1 and 2: (group, resource, verbs, names) candidates.
        var candidates = new List<(string Group, string Resource, string[] Verbs, string[] Names)>();
        foreach (var ((group, resource), verbs) in nameless) candidates.Add((group, resource, [.. verbs], []));
        var byVerbs = new SortedDictionary<(string Group, string Resource, string Verbs), (string[] Verbs, List<string> Names)>();
        foreach (var ((group, resource, name), verbs) in named)
        {
            var remaining = nameless.TryGetValue((group, resource), out var covered) ? verbs.Except(covered, StringComparer.Ordinal).ToArray() : [.. verbs];
            if (remaining.Length == 0) continue;
            var key = (group, resource, Key(remaining));
            if (!byVerbs.TryGetValue(key, out var entry)) byVerbs[key] = entry = (remaining, []);
            entry.Names.Add(name);
        }
        foreach (var ((group, resource, _), (verbs, names)) in byVerbs) candidates.Add((group, resource, verbs, Sorted(names)));

        // Step 3: resources sharing (group, verbs, names).
        var byGroup = new SortedDictionary<string, (string Group, string[] Verbs, string[] Names, List<string> Resources)>(StringComparer.Ordinal);
        foreach (var (group, resource, verbs, names) in candidates)
        {
            var key = string.Join(Separator, group, Key(verbs), Key(names));
            if (!byGroup.TryGetValue(key, out var entry)) byGroup[key] = entry = (group, verbs, names, []);
            entry.Resources.Add(resource);
        }

        // Step 4: groups sharing (resources, verbs, names).
        var byResources = new SortedDictionary<string, (string[] Resources, string[] Verbs, string[] Names, List<string> Groups)>(StringComparer.Ordinal);
        foreach (var (group, verbs, names, resources) in byGroup.Values)
        {
            var sortedResources = Sorted(resources);
            var key = string.Join(Separator, Key(sortedResources), Key(verbs), Key(names));
            if (!byResources.TryGetValue(key, out var entry)) byResources[key] = entry = (sortedResources, verbs, names, []);
            entry.Groups.Add(group);
        }
        var rules = byResources.Values
            .Select(e => new AuditRule { ApiGroups = Sorted(e.Groups), Resources = e.Resources, Verbs = e.Verbs, ResourceNames = e.Names })
            .ToList();

        // Step 5: non-resource URLs sharing a verb set.
        var urlRules = new SortedDictionary<string, (string[] Verbs, List<string> Urls)>(StringComparer.Ordinal);
        foreach (var (url, verbs) in urls)
        {
            var key = Key(verbs);
            if (!urlRules.TryGetValue(key, out var entry)) urlRules[key] = entry = ([.. verbs], []);
            entry.Urls.Add(url);
        }
        rules.AddRange(urlRules.Values.Select(e => new AuditRule { NonResourceUrls = Sorted(e.Urls), Verbs = e.Verbs }));
        rules.Sort(Compare);
        return rules;
    }

    private static void Add<TKey>(IDictionary<TKey, SortedSet<string>> map, TKey key, string verb)
    {
        if (!map.TryGetValue(key, out var verbs)) map[key] = verbs = new SortedSet<string>(StringComparer.Ordinal);
        verbs.Add(verb);
    }

    private static string Key(IEnumerable<string> values) => string.Join(Separator, values);

    private static string[] Sorted(IEnumerable<string> values) => [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static int Compare(AuditRule a, AuditRule b)
    {
        var c = a.IsNonResource.CompareTo(b.IsNonResource);
        if (c == 0) c = Compare(a.ApiGroups, b.ApiGroups);
        if (c == 0) c = Compare(a.Resources, b.Resources);
        if (c == 0) c = Compare(a.ResourceNames, b.ResourceNames);
        if (c == 0) c = Compare(a.NonResourceUrls, b.NonResourceUrls);
        if (c == 0) c = Compare(a.Verbs, b.Verbs);
        return c;
    }

    private static int Compare(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var c = string.CompareOrdinal(a[i], b[i]);
            if (c != 0) return c;
        }
        return a.Count.CompareTo(b.Count);
    }
}
