using k8s.Models;
using Verity.Core.Selectors;

namespace Verity.Admission.Vap;

/// <summary>
/// A compiled <c>MatchResources</c> (policy <c>matchConstraints</c> or binding <c>matchResources</c>), matched as
/// k8s.io/apiserver <c>admission/plugin/policy/matching/matching.go</c> <c>Matcher.Matches</c> does: namespace selector,
/// object selector, excluded rules, then rules (none: everything). Null selectors mean everything (the API defaults them
/// to <c>{}</c>); a null <c>matchPolicy</c> means <c>Equivalent</c> (the API default).
/// </summary>
internal sealed record CompiledMatch(
    LabelSelector NamespaceSelector,
    LabelSelector ObjectSelector,
    IList<V1NamedRuleWithOperations>? ResourceRules,
    IList<V1NamedRuleWithOperations>? ExcludeResourceRules,
    bool Equivalent)
{
    /// <summary>Whether the request matches; an error (a namespace whose labels cannot be found) only when everything else matched.</summary>
    public (bool Matches, string? Error) Matches(VapRequest request, IVapInputs inputs)
    {
        var (namespaceMatches, namespaceError) = MatchNamespace(request, inputs);
        if (!namespaceMatches && namespaceError is null) return (false, null);
        if (!MatchObject(request)) return (false, null);
        if (ResourceRuleMatcher.MatchesAny(ExcludeResourceRules, Equivalent, request)) return (false, null);
        var matches = ResourceRules is not { Count: > 0 } || ResourceRuleMatcher.MatchesAny(ResourceRules, Equivalent, request);
        if (!matches) return (false, null);
        return namespaceError is null ? (true, null) : (false, namespaceError);
    }

    /// <summary>
    /// namespace/matcher.go <c>MatchNamespaceSelector</c>: a cluster-scoped object other than a Namespace always matches; a
    /// Namespace being created or updated is judged by its own labels; everything else by its namespace's labels.
    /// </summary>
    private (bool, string?) MatchNamespace(VapRequest request, IVapInputs inputs)
    {
        if (NamespaceSelector.IsEverything) return (true, null);
        if (request.IsNamespace && request.SubResource.Length == 0 && request.Operation is "CREATE" or "UPDATE")
            return (NamespaceSelector.Matches(Labels(request.Object)), null);
        var name = request.IsNamespace ? request.Name : request.Namespace;
        if (name.Length == 0) return (true, null);
        var labels = inputs.NamespaceLabels(name);
        return labels is null ? (false, $"namespaces \"{name}\" not found") : (NamespaceSelector.Matches(labels), null);
    }

    /// <summary>object/matcher.go <c>MatchObjectSelector</c>: the object or the old object carries matching labels.</summary>
    private bool MatchObject(VapRequest request) =>
        ObjectSelector.IsEverything
        || (request.Object is { } obj && ObjectSelector.Matches(Labels(obj)))
        || (request.OldObject is { } old && ObjectSelector.Matches(Labels(old)));

    internal static IReadOnlyDictionary<string, string> Labels(System.Text.Json.JsonElement? obj)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj is { ValueKind: System.Text.Json.JsonValueKind.Object } o
            && o.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == System.Text.Json.JsonValueKind.Object
            && metadata.TryGetProperty("labels", out var l) && l.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            foreach (var label in l.EnumerateObject())
                if (label.Value.ValueKind == System.Text.Json.JsonValueKind.String) labels[label.Name] = label.Value.GetString()!;
        }
        return labels;
    }
}
