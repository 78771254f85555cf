using Verity.Rbac.Model;

namespace Verity.Rbac.Authorization;

/// <summary>
/// Whether one rule covers one request — RuleAllows in plugin/pkg/auth/authorizer/rbac/rbac.go with the
/// helpers of pkg/apis/rbac/v1/evaluation_helpers.go, string for string.
/// </summary>
internal static class RuleMatcher
{
    private const string All = "*";

    /// <summary>RuleAllows: a resource request checks verb, group, resource (with subresource) and name; a
    /// non-resource request checks verb and path only.</summary>
    public static bool Allows(RequestAttributes request, PolicyRule rule)
    {
        if (request.IsResourceRequest)
        {
            var combined = request.Subresource.Length > 0 ? $"{request.Resource}/{request.Subresource}" : request.Resource;
            return VerbMatches(rule, request.Verb) && ApiGroupMatches(rule, request.ApiGroup)
                && ResourceMatches(rule, combined, request.Subresource) && ResourceNameMatches(rule, request.Name);
        }
        return VerbMatches(rule, request.Verb) && NonResourceUrlMatches(rule, request.Path);
    }

    /// <summary>VerbMatches: <c>*</c> (which includes escalate, bind, impersonate and custom verbs) or equal.</summary>
    public static bool VerbMatches(PolicyRule rule, string verb) => ContainsOrAll(rule.Verbs, verb);

    /// <summary>APIGroupMatches: <c>*</c> or equal ("" is the core group).</summary>
    public static bool ApiGroupMatches(PolicyRule rule, string group) => ContainsOrAll(rule.ApiGroups, group);

    /// <summary>
    /// ResourceMatches: <c>*</c> matches every resource and subresource; otherwise the rule entry must equal
    /// <c>resource/subresource</c> (so <c>pods</c> does not cover <c>pods/exec</c>, and <c>pods/*</c> is only
    /// the literal text), or be <c>*/SUB</c> for the request's subresource SUB.
    /// </summary>
    public static bool ResourceMatches(PolicyRule rule, string combined, string subresource)
    {
        foreach (var entry in rule.Resources)
        {
            if (entry == All || entry == combined) return true;
            if (subresource.Length == 0) continue;
            if (entry.Length == subresource.Length + 2 && entry.StartsWith("*/", StringComparison.Ordinal)
                && entry.EndsWith(subresource, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>ResourceNameMatches: no resourceNames matches any request; otherwise the request's name must
    /// be listed, so a request without a name (list, watch, create, deletecollection) never matches.</summary>
    public static bool ResourceNameMatches(PolicyRule rule, string name) => rule.ResourceNames.Count == 0 || rule.ResourceNames.Contains(name);

    /// <summary>NonResourceURLMatches: <c>*</c>, equal, or an entry ending in <c>*</c> whose text before the
    /// trailing stars (strings.TrimRight) prefixes the path.</summary>
    public static bool NonResourceUrlMatches(PolicyRule rule, string path)
    {
        foreach (var entry in rule.NonResourceUrls)
        {
            if (entry == All || entry == path) return true;
            if (entry.EndsWith('*') && path.StartsWith(entry.TrimEnd('*'), StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static bool ContainsOrAll(IReadOnlyList<string> values, string value)
    {
        foreach (var v in values)
        {
            if (v == All || v == value) return true;
        }
        return false;
    }
}
