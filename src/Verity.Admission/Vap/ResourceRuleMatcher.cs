using k8s.Models;

namespace Verity.Admission.Vap;

/// <summary>
/// Whether a <c>NamedRuleWithOperations</c> matches a request, as k8s.io/apiserver
/// <c>admission/plugin/webhook/predicates/rules/rules.go</c> (<c>Matcher.Matches</c>) and
/// <c>admission/plugin/policy/matching/matching.go</c> (<c>matchesResourceRules</c>) decide it: scope, operation, group,
/// version and resource (<c>*</c> matches main resources only, <c>*/*</c> everything, <c>pods/*</c> every subresource
/// of pods), then <c>resourceNames</c>. With <c>matchPolicy: Equivalent</c> (the API default) a rule written for another
/// version of the same resource, or for its former group (<c>extensions</c> Deployments, ...), matches too.
/// </summary>
/// <remarks>
/// Offline there is no API discovery: every version of a group/resource counts as served and equivalent, and the object is
/// judged as given, not converted to the rule's version (the API server converts it).
/// </remarks>
internal static class ResourceRuleMatcher
{
    /// <summary>Resources that moved between groups and are served under both (kube-apiserver's storage equivalences).</summary>
    private static readonly (string Resource, string[] Groups)[] MovedResources =
    [
        ("deployments", ["apps", "extensions"]),
        ("daemonsets", ["apps", "extensions"]),
        ("replicasets", ["apps", "extensions"]),
        ("networkpolicies", ["networking.k8s.io", "extensions"]),
        ("ingresses", ["networking.k8s.io", "extensions"]),
        ("podsecuritypolicies", ["policy", "extensions"]),
        ("events", ["", "events.k8s.io"]),
    ];

    public static bool MatchesAny(IList<V1NamedRuleWithOperations>? rules, bool equivalent, VapRequest request)
    {
        if (rules is null) return false;
        foreach (var rule in rules)
            if (Matches(rule, request, request.Group, request.Version) && NameMatches(rule, request)) return true;
        if (!equivalent) return false;
        foreach (var rule in rules)
        {
            foreach (var (group, version) in Equivalents(request))
                if (Matches(rule, request, group, version) && NameMatches(rule, request)) return true;
        }
        return false;
    }

    /// <summary>The other group/versions the request's resource is served as: any version (<c>*</c>) of its group and of its former groups.</summary>
    private static IEnumerable<(string Group, string? Version)> Equivalents(VapRequest request)
    {
        yield return (request.Group, null);
        foreach (var (resource, groups) in MovedResources)
        {
            if (resource != request.Resource || !groups.Contains(request.Group, StringComparer.Ordinal)) continue;
            foreach (var group in groups)
                if (group != request.Group) yield return (group, null);
        }
    }

    /// <summary>rules.go <c>Matcher.Matches</c>; <paramref name="version"/> null means any version of <paramref name="group"/>.</summary>
    private static bool Matches(V1NamedRuleWithOperations rule, VapRequest request, string group, string? version) =>
        Scope(rule.Scope, request)
        && ExactOrWildcard(rule.Operations, request.Operation)
        && ExactOrWildcard(rule.ApiGroups, group)
        && (version is null ? rule.ApiVersions is { Count: > 0 } : ExactOrWildcard(rule.ApiVersions, version))
        && Resource(rule.Resources, request);

    /// <summary>
    /// <c>Namespaced</c>: a namespaced object (not a Namespace); <c>Cluster</c>: a cluster-scoped object or a Namespace;
    /// <c>*</c> or unset: anything.
    /// </summary>
    private static bool Scope(string? scope, VapRequest request) => scope switch
    {
        null or "" or "*" => true,
        "Namespaced" => !request.IsNamespace && request.Namespace.Length > 0,
        "Cluster" => request.IsNamespace || request.Namespace.Length == 0,
        _ => false,
    };

    private static bool ExactOrWildcard(IList<string>? items, string requested) =>
        items is not null && items.Any(item => item == "*" || item == requested);

    private static bool Resource(IList<string>? resources, VapRequest request)
    {
        if (resources is null) return false;
        foreach (var entry in resources)
        {
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            var (resource, sub) = slash < 0 ? (entry, "") : (entry[..slash], entry[(slash + 1)..]);
            if ((resource == "*" || resource == request.Resource) && (sub == "*" || sub == request.SubResource)) return true;
        }
        return false;
    }

    /// <summary>An empty <c>resourceNames</c> matches every name; otherwise the request's name must be listed.</summary>
    private static bool NameMatches(V1NamedRuleWithOperations rule, VapRequest request) =>
        rule.ResourceNames is not { Count: > 0 } names || names.Contains(request.Name, StringComparer.Ordinal);
}
