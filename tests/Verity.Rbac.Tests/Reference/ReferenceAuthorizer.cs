using System.Text.Json;
using Verity.Rbac.Authorization;
using Verity.Rbac.Model;

namespace Verity.Rbac.Tests.Reference;

/// <summary>
/// The obviously-correct RBAC authorizer: for every binding, in no particular order, check scope,
/// subjects and every rule, with the matching rules spelled out from the Kubernetes documentation
/// (https://kubernetes.io/docs/reference/access-authn-authz/rbac/) rather than shared with the engine.
/// Aggregated ClusterRoles are recomputed from the raw objects (matchLabels selectors only) as a
/// plain set fixpoint. No indexes, no early exits but the answer.
/// </summary>
internal static class ReferenceAuthorizer
{
    public static bool Allowed(RbacModel model, RequestAttributes request)
    {
        if (request.User.Groups.Contains("system:masters")) return true;
        var rules = RulesByRole(model);
        foreach (var binding in model.Bindings)
        {
            var inScope = binding.Kind == "ClusterRoleBinding"
                || request.IsResourceRequest && request.Namespace != "" && binding.Namespace == request.Namespace;
            if (!inScope) continue;
            if (!binding.Subjects.Any(s => SubjectIs(s, request.User))) continue;
            var roleKey = binding.RoleRef.Kind == "ClusterRole" ? $"ClusterRole//{binding.RoleRef.Name}" : $"Role/{binding.Namespace}/{binding.RoleRef.Name}";
            if (!rules.TryGetValue(roleKey, out var roleRules)) continue;
            if (roleRules.Any(r => RuleAllows(r, request))) return true;
        }
        return false;
    }

    public static bool SubjectIs(Subject s, UserInfo user) => s.Kind switch
    {
        SubjectKind.User => s.Name == user.Name,
        SubjectKind.Group => user.Groups.Contains(s.Name),
        _ => "system:serviceaccount:" + s.Namespace + ":" + s.Name == user.Name,
    };

    public static bool RuleAllows(PolicyRule rule, RequestAttributes r)
    {
        var verbOk = rule.Verbs.Contains("*") || rule.Verbs.Contains(r.Verb);
        if (!r.IsResourceRequest)
            return verbOk && rule.NonResourceUrls.Any(u => u == "*" || u == r.Path || (u.EndsWith('*') && r.Path.StartsWith(u.TrimEnd('*'), StringComparison.Ordinal)));
        var groupOk = rule.ApiGroups.Contains("*") || rule.ApiGroups.Contains(r.ApiGroup);
        bool resourceOk;
        if (r.Subresource == "") resourceOk = rule.Resources.Contains("*") || rule.Resources.Contains(r.Resource);
        else resourceOk = rule.Resources.Contains("*") || rule.Resources.Contains(r.Resource + "/" + r.Subresource) || rule.Resources.Contains("*/" + r.Subresource);
        var nameOk = rule.ResourceNames.Count == 0 || rule.ResourceNames.Contains(r.Name);
        return verbOk && groupOk && resourceOk && nameOk;
    }

    /// <summary>Rules of every role keyed <c>Kind/ns/name</c>; aggregated ClusterRoles recomputed from their raw selectors.</summary>
    private static Dictionary<string, List<PolicyRule>> RulesByRole(RbacModel model)
    {
        var result = new Dictionary<string, List<PolicyRule>>();
        var selectorsOf = new Dictionary<string, List<Dictionary<string, string>>>();
        foreach (var role in model.Roles)
        {
            var key = $"{role.Kind}/{role.Namespace}/{role.Name}";
            var aggregation = role.Source.Raw.TryGetProperty("aggregationRule", out var a) && a.ValueKind == JsonValueKind.Object ? a : (JsonElement?)null;
            if (role.Kind == "ClusterRole" && aggregation is { } agg)
            {
                selectorsOf[role.Name] = agg.TryGetProperty("clusterRoleSelectors", out var list)
                    ? list.EnumerateArray().Select(s => s.TryGetProperty("matchLabels", out var m)
                        ? m.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!) : []).ToList()
                    : [];
                result[key] = [];
            }
            else
            {
                result[key] = RawRules(role);
            }
        }
        var clusterRoles = model.Roles.Where(r => r.Kind == "ClusterRole").ToList();
        for (var round = 0; round <= clusterRoles.Count; round++)
        {
            foreach (var (name, selectors) in selectorsOf)
            {
                result[$"ClusterRole//{name}"] = clusterRoles
                    .Where(c => c.Name != name && selectors.Any(sel => sel.All(kv => c.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value)))
                    .SelectMany(c => result[$"ClusterRole//{c.Name}"]).ToList();
            }
        }
        return result;
    }

    /// <summary>The rules as written in the raw object (the engine's compiled rules are not trusted).</summary>
    private static List<PolicyRule> RawRules(Role role)
    {
        if (!role.Source.Raw.TryGetProperty("rules", out var rules) || rules.ValueKind != JsonValueKind.Array) return [];
        return rules.EnumerateArray().Select((r, i) => new PolicyRule
        {
            Verbs = Strings(r, "verbs"),
            ApiGroups = Strings(r, "apiGroups"),
            Resources = Strings(r, "resources"),
            ResourceNames = Strings(r, "resourceNames"),
            NonResourceUrls = Strings(r, "nonResourceURLs"),
            Origin = new RuleOrigin(role.Kind, role.Namespace, role.Name, i),
        }).ToList();
    }

    private static List<string> Strings(JsonElement rule, string name) =>
        rule.TryGetProperty(name, out var v) ? v.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
}
