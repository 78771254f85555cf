using Verity.Cli.Output;
using Verity.Rbac.Authorization;

namespace Verity.Cli.Rbac;

/// <summary>
/// <c>list</c> output. The table is kubectl's <c>auth can-i --list</c>: Resources (<c>TYPE.GROUP</c>, <c>*.*</c>),
/// Non-Resource URLs, Resource Names, Verbs; one row per resource and set of names, verbs merged in rule order, rows
/// sorted by resource, non-resource rows last. A member of system:masters gets <c>*.*</c> and <c>[*]</c> rows first.
/// JSON: <c>{"user","namespace","unrestricted","resourceRules":[{binding,subject,role,rule,ruleOrigin}],"nonResourceRules":[...]}</c>,
/// one entry per rule with the grant it comes from.
/// </summary>
internal static class ListRenderer
{
    public static void WriteTable(TextWriter output, EffectiveRules rules)
    {
        var rows = new List<IReadOnlyList<string>>();
        if (rules.IsUnrestricted)
        {
            rows.Add(["*.*", "[]", "[]", "[*]"]);
            rows.Add(["", "[*]", "[]", "[*]"]);
        }
        var resources = new Dictionary<(string Resource, string Names), List<string>>();
        foreach (var grant in rules.ResourceRules)
        {
            var rule = grant.Rule;
            foreach (var group in rule.ApiGroups.Distinct())
            {
                foreach (var resource in rule.Resources.Distinct())
                {
                    var key = (ResourceText(group, resource), RbacText.List(rule.ResourceNames));
                    if (!resources.TryGetValue(key, out var verbs)) resources[key] = verbs = [];
                    verbs.AddRange(rule.Verbs.Where(v => !verbs.Contains(v)).Distinct());
                }
            }
        }
        rows.AddRange(resources.OrderBy(r => r.Key.Resource, StringComparer.Ordinal).ThenBy(r => r.Key.Names, StringComparer.Ordinal)
            .Select(r => (IReadOnlyList<string>)[r.Key.Resource, "[]", r.Key.Names, RbacText.List(r.Value)]));
        var urls = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var grant in rules.NonResourceRules)
        {
            foreach (var url in grant.Rule.NonResourceUrls.Distinct())
            {
                if (!urls.TryGetValue(url, out var verbs)) urls[url] = verbs = [];
                verbs.AddRange(grant.Rule.Verbs.Where(v => !verbs.Contains(v)).Distinct());
            }
        }
        rows.AddRange(urls.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => (IReadOnlyList<string>)["", $"[{u.Key}]", "[]", RbacText.List(u.Value)]));
        Columns.Write(output, ["Resources", "Non-Resource URLs", "Resource Names", "Verbs"], rows);
    }

    public static void WriteJson(TextWriter output, UserInfo user, string ns, EffectiveRules rules) =>
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            RbacJson.WriteUser(json, user);
            json.WriteString("namespace", ns);
            json.WriteBoolean("unrestricted", rules.IsUnrestricted);
            foreach (var (name, grants) in new[] { ("resourceRules", rules.ResourceRules), ("nonResourceRules", rules.NonResourceRules) })
            {
                json.WriteStartArray(name);
                foreach (var grant in grants)
                {
                    json.WriteStartObject();
                    RbacJson.WriteGrantFields(json, grant);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        });

    /// <summary>kubectl's column: <c>pods</c>, <c>deployments.apps</c>, <c>deployments.apps/scale</c>, <c>*.*</c>.</summary>
    private static string ResourceText(string group, string resource)
    {
        if (group.Length == 0) return resource;
        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? $"{resource}.{group}" : $"{resource[..slash]}.{group}{resource[slash..]}";
    }
}
