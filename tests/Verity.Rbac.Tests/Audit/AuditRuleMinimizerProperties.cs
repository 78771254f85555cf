using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verity.Core.Model;
using Verity.Rbac.Audit;

namespace Verity.Rbac.Tests.Audit;

/// <summary>
/// Differential check of <see cref="AuditRuleMinimizer"/> against the obvious reference: a request tuple is allowed
/// by the generated rules (matched as the RBAC authorizer matches, rbac.RuleAllows) exactly when it was observed, or
/// when its verb was observed on the same resource without a name (a nameless rule covers every name).
/// </summary>
public sealed class AuditRuleMinimizerProperties
{
    private static readonly string[] Verbs = ["get", "list", "watch", "create", "patch"];
    private static readonly string[] Groups = ["", "apps"];
    private static readonly string[] Resources = ["pods", "pods/log", "configmaps"];
    private static readonly string[] Names = ["", "a", "b"];
    private static readonly string[] Urls = ["/healthz", "/metrics", "/api"];
    private static readonly string[] UrlVerbs = ["get", "post"];

    private static readonly AuditRequest[] Universe =
    [
        .. from v in Verbs from g in Groups from r in Resources from n in Names
           select Request(v, g, r, n),
        .. from v in UrlVerbs from u in Urls select Request(v, url: u),
    ];

    private static AuditRequest Request(string verb, string group = "", string? resource = null, string name = "", string? url = null) => new()
    {
        AuditId = "x", Username = "u", Verb = verb, ApiGroup = group, Resource = resource, Name = name, NonResourceUrl = url,
        ResponseCode = 200, Source = new SourceLocation("audit.log", 1),
    };

    [Property(MaxTest = 500)]
    public Property RulesAllowExactlyTheObservedRequests() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, Universe.Length - 1).ListOf()), picks =>
        {
            var observed = picks.Select(i => Universe[i]).ToList();
            var rules = AuditRuleMinimizer.Minimize(observed);
            foreach (var candidate in Universe)
            {
                var expected = observed.Any(o => Same(o, candidate) || (candidate.NonResourceUrl is null && o.NonResourceUrl is null
                    && o.Name.Length == 0 && o.Verb == candidate.Verb && o.ApiGroup == candidate.ApiGroup && o.Resource == candidate.Resource));
                if (rules.Any(rule => Allows(rule, candidate)) != expected) return false;
            }
            return rules.All(Canonical);
        });

    [Property(MaxTest = 200)]
    public Property TheOrderOfRequestsDoesNotChangeTheRules() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, Universe.Length - 1).ListOf()), picks =>
        {
            var observed = picks.Select(i => Universe[i]).ToList();
            var forward = AuditRuleMinimizer.Minimize(observed);
            var backward = AuditRuleMinimizer.Minimize(Enumerable.Reverse(observed));
            return forward.Count == backward.Count && forward.Zip(backward).All(p => Render(p.First) == Render(p.Second));
        });

    private static bool Same(AuditRequest a, AuditRequest b) =>
        a.Verb == b.Verb && a.ApiGroup == b.ApiGroup && a.Resource == b.Resource && a.Name == b.Name && a.NonResourceUrl == b.NonResourceUrl;

    /// <summary>rbac.RuleAllows (plugin/pkg/auth/authorizer/rbac/rbac.go) without wildcards, which are never generated.</summary>
    private static bool Allows(AuditRule rule, AuditRequest request)
    {
        if (!rule.Verbs.Contains(request.Verb)) return false;
        if (request.NonResourceUrl is { } url) return rule.NonResourceUrls.Contains(url);
        return rule.ApiGroups.Contains(request.ApiGroup) && rule.Resources.Contains(request.Resource!)
            && (rule.ResourceNames.Count == 0 || rule.ResourceNames.Contains(request.Name));
    }

    private static bool Canonical(AuditRule rule) =>
        new[] { rule.Verbs, rule.ApiGroups, rule.Resources, rule.ResourceNames, rule.NonResourceUrls }
            .All(list => list.SequenceEqual(list.Distinct().Order(StringComparer.Ordinal)))
        && rule.Verbs.Count > 0 && (rule.IsNonResource ? rule.Resources.Count == 0 : rule.Resources.Count > 0 && rule.ApiGroups.Count > 0);

    private static string Render(AuditRule r) =>
        string.Join("|", string.Join(",", r.ApiGroups), string.Join(",", r.Resources), string.Join(",", r.ResourceNames), string.Join(",", r.NonResourceUrls), string.Join(",", r.Verbs));
}
