using System.Text.Json;
using k8s;
using k8s.Models;
using Verity.Core.Model;
using Verity.Core.Selectors;
using Verity.Rbac.Model;

namespace Verity.Rbac.Compilation;

/// <summary>
/// Compiles a Role or ClusterRole (https://kubernetes.io/docs/reference/kubernetes-api/authorization-resources/role-v1/).
/// A rule of the wrong shape is reported and left out; an invalid aggregation selector is reported
/// and selects nothing. Both can only make the role grant less.
/// </summary>
internal static class RoleCompiler
{
    private static readonly string[] ListFields = ["verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs"];

    public static Role Compile(KubeObject source, List<Diagnostic> diagnostics)
    {
        var kind = source.Kind == Role.ClusterRoleKind ? Role.ClusterRoleKind : Role.RoleKind;
        var ns = kind == Role.ClusterRoleKind ? null : source.Namespace;
        return new Role
        {
            Kind = kind,
            Namespace = ns,
            Name = source.Name,
            Rules = Rules(source, kind, ns, diagnostics),
            Labels = source.Labels,
            AggregationSelectors = kind == Role.ClusterRoleKind ? Aggregation(source, diagnostics) : null,
            Source = source,
        };
    }

    private static List<PolicyRule> Rules(KubeObject source, string kind, string? ns, List<Diagnostic> diagnostics)
    {
        var rules = new List<PolicyRule>();
        if (RbacJson.Field(source.Raw, "rules") is not { } array) return rules;
        if (array.ValueKind != JsonValueKind.Array)
        {
            diagnostics.Add(RbacDiagnostics.Invalid(source, ["rules"], "rules must be a list"));
            return rules;
        }
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (Rule(source, kind, ns, item, index, diagnostics) is { } rule) rules.Add(rule);
            index++;
        }
        return rules;
    }

    private static PolicyRule? Rule(KubeObject source, string kind, string? ns, JsonElement item, int index, List<Diagnostic> diagnostics)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Add(RbacDiagnostics.Invalid(source, ["rules", index], "a rule must be a mapping"));
            return null;
        }
        var lists = new IReadOnlyList<string>[ListFields.Length];
        for (var i = 0; i < ListFields.Length; i++)
        {
            if (RbacJson.Strings(item, ListFields[i]) is { } list) lists[i] = list;
            else
            {
                diagnostics.Add(RbacDiagnostics.Invalid(source, ["rules", index, ListFields[i]], $"{ListFields[i]} must be a list of strings; the rule is ignored"));
                return null;
            }
        }
        var problems = Validate(lists, kind == Role.RoleKind);
        foreach (var (field, message) in problems)
            diagnostics.Add(RbacDiagnostics.Invalid(source, ["rules", index, field], $"{message}; the rule is ignored"));
        if (problems.Count > 0) return null;
        return new PolicyRule
        {
            Verbs = lists[0],
            ApiGroups = lists[1],
            Resources = lists[2],
            ResourceNames = lists[3],
            NonResourceUrls = lists[4],
            Origin = new RuleOrigin(kind, ns, source.Name, index) { Source = source },
        };
    }

    /// <summary>
    /// ValidatePolicyRule (pkg/apis/rbac/validation/validation.go), messages included: the API server
    /// rejects a role with such a rule, so Verity reports it and ignores the rule (fail-closed).
    /// </summary>
    private static List<(string Field, string Message)> Validate(IReadOnlyList<string>[] lists, bool isNamespaced)
    {
        var (verbs, apiGroups, resources, resourceNames, urls) = (lists[0], lists[1], lists[2], lists[3], lists[4]);
        var problems = new List<(string, string)>();
        if (verbs.Count == 0) problems.Add(("verbs", "verbs must contain at least one value"));
        if (urls.Count > 0)
        {
            if (isNamespaced) problems.Add(("nonResourceURLs", "namespaced rules cannot apply to non-resource URLs"));
            if (apiGroups.Count > 0 || resources.Count > 0 || resourceNames.Count > 0)
                problems.Add(("nonResourceURLs", "rules cannot apply to both regular resources and non-resource URLs"));
            return problems;
        }
        if (apiGroups.Count == 0) problems.Add(("apiGroups", "resource rules must supply at least one api group"));
        if (resources.Count == 0) problems.Add(("resources", "resource rules must supply at least one resource"));
        return problems;
    }

    private static List<LabelSelector>? Aggregation(KubeObject source, List<Diagnostic> diagnostics)
    {
        if (RbacJson.Field(source.Raw, "aggregationRule") is not { } rule) return null;
        var selectors = new List<LabelSelector>();
        if (RbacJson.Field(rule, "clusterRoleSelectors") is not { } list) return selectors;
        if (list.ValueKind != JsonValueKind.Array)
        {
            diagnostics.Add(RbacDiagnostics.Invalid(source, ["aggregationRule", "clusterRoleSelectors"], "clusterRoleSelectors must be a list"));
            return selectors;
        }
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            object[] at = ["aggregationRule", "clusterRoleSelectors", index++];
            V1LabelSelector? api = null;
            try
            {
                api = item.ValueKind == JsonValueKind.Object ? KubernetesJson.Deserialize<V1LabelSelector>(item) : null;
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or FormatException or InvalidOperationException)
            {
                api = null;
            }
            if (api is null)
            {
                diagnostics.Add(RbacDiagnostics.Invalid(source, at, "a cluster role selector must be a label selector mapping"));
                continue;
            }
            var result = LabelSelector.FromApi(api);
            if (result.Succeeded) selectors.Add(result.Selector);
            else foreach (var error in result.Errors) diagnostics.Add(RbacDiagnostics.Invalid(source, at, error));
        }
        return selectors;
    }
}
