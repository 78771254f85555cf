using Verity.Rbac.Model;

namespace Verity.Rbac.Authorization;

/// <summary>
/// The API server's RBAC authorizer (plugin/pkg/auth/authorizer/rbac/rbac.go, RBACAuthorizer) over a
/// compiled <see cref="RbacModel"/>, plus the queries built on it. Preceded, as in the API server, by the
/// privileged-group authorizer: members of system:masters are allowed everything. Indexes are built once
/// in the constructor; every query is pure and safe to call from several threads.
/// </summary>
public sealed class Authorizer
{
    private readonly BindingIndex _bindings;
    private readonly RoleRuleIndex _rules;
    private readonly ILookup<string, Subject> _serviceAccountsByNamespace;

    public Authorizer(RbacModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _bindings = new BindingIndex(model.Bindings);
        _rules = new RoleRuleIndex(_bindings.Ordered);
        _serviceAccountsByNamespace = model.ServiceAccounts.ToLookup(s => s.Namespace!, StringComparer.Ordinal);
    }

    public RbacModel Model { get; }

    /// <summary>
    /// Authorize (rbac.go): allowed when some rule of a role bound to the user allows the request, visiting
    /// ClusterRoleBindings, then — only when the request has a namespace — the RoleBindings of that
    /// namespace (VisitRulesFor). The grant reported is the first found in that order.
    /// </summary>
    public AuthorizationDecision Authorize(RequestAttributes request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.User.IsSystemMaster)
            return new AuthorizationDecision(Decision.Allowed, $"user is in group \"{UserInfo.SystemMasters}\", which bypasses RBAC", IsPrivilegedGroup: true);
        var ns = request.IsResourceRequest ? request.Namespace : "";
        foreach (var (binding, subject) in _bindings.Applying(request.User, ns))
        {
            if (binding.Role is not { } role) continue;
            foreach (var rule in role.Rules)
            {
                if (RuleMatcher.Allows(request, rule))
                {
                    var grant = new Grant(binding, subject, role, rule);
                    return new AuthorizationDecision(Decision.Allowed, $"RBAC: allowed by {grant}", grant);
                }
            }
        }
        return new AuthorizationDecision(Decision.NoOpinion, $"RBAC: no binding of \"{request.User.Name}\" allows {Describe(request)}");
    }

    /// <summary>
    /// Every subject that may make a resource request, with the grant (the first matching rule of each
    /// matching role; every binding of it). <paramref name="ns"/> null or "" asks about cluster scope,
    /// which RoleBindings never grant; the namespace conventions of <see cref="RequestAttributes.ForResource"/>
    /// apply. Groups are listed, and also expanded to the snapshot's service accounts: system:serviceaccounts
    /// and system:authenticated to every one, system:serviceaccounts:NS to those of NS (see
    /// <see cref="WhoCanEntry.ViaGroup"/>). Members of system:masters, allowed everything without RBAC,
    /// are not listed. Sorted by subject, then binding.
    /// </summary>
    public IReadOnlyList<WhoCanEntry> WhoCan(string verb, string apiGroup, string resource, string subresource = "", string? name = null, string? ns = null) =>
        WhoCan(RequestAttributes.ForResource(NoUser, verb, apiGroup, resource, subresource, name, ns));

    /// <summary>Every subject that may make a non-resource request (granted only by ClusterRoleBindings).</summary>
    public IReadOnlyList<WhoCanEntry> WhoCanNonResource(string verb, string path) =>
        WhoCan(RequestAttributes.ForNonResource(NoUser, verb, path));

    /// <summary>As <see cref="WhoCan(string, string, string, string, string?, string?)"/> for given attributes (the user is ignored).</summary>
    public IReadOnlyList<WhoCanEntry> WhoCan(RequestAttributes request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ns = request.IsResourceRequest ? request.Namespace : "";
        var entries = new List<WhoCanEntry>();
        foreach (var (role, rule) in _rules.MatchingRoles(request))
        {
            foreach (var binding in _rules.BindingsOf(role))
            {
                if (!binding.IsClusterRoleBinding && (ns.Length == 0 || binding.Namespace != ns)) continue;
                // A subject listed twice in one binding is reported once.
                var seen = new HashSet<(Subject, string?)>();
                foreach (var subject in binding.Subjects)
                {
                    if (!seen.Add((subject, null))) continue;
                    var grant = new Grant(binding, subject, role, rule);
                    entries.Add(new WhoCanEntry(subject, grant));
                    if (subject.Kind != SubjectKind.Group) continue;
                    foreach (var member in MembersOf(subject.Name))
                    {
                        if (seen.Add((member, subject.Name))) entries.Add(new WhoCanEntry(member, grant, subject.Name));
                    }
                }
            }
        }
        return entries
            .OrderBy(e => e.Subject.Kind).ThenBy(e => e.Subject.Namespace, StringComparer.Ordinal).ThenBy(e => e.Subject.Name, StringComparer.Ordinal)
            .ThenBy(e => e.Grant.Binding.ToString(), StringComparer.Ordinal).ThenBy(e => e.ViaGroup, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The rules that apply to <paramref name="user"/> for requests in <paramref name="ns"/> (null or "" for
    /// cluster scope): RulesFor in pkg/registry/rbac/validation/rule.go, i.e. the rules of every applying
    /// ClusterRoleBinding plus, in a namespace, those of its RoleBindings. Non-resource rules come only from
    /// ClusterRoleBindings, the only place they take effect.
    /// </summary>
    public EffectiveRules RulesFor(UserInfo user, string? ns)
    {
        ArgumentNullException.ThrowIfNull(user);
        var resource = new List<Grant>();
        var nonResource = new List<Grant>();
        foreach (var (binding, subject) in _bindings.Applying(user, ns ?? ""))
        {
            if (binding.Role is not { } role) continue;
            foreach (var rule in role.Rules)
            {
                var grant = new Grant(binding, subject, role, rule);
                if (rule.Resources.Count > 0) resource.Add(grant);
                if (rule.NonResourceUrls.Count > 0 && binding.IsClusterRoleBinding) nonResource.Add(grant);
            }
        }
        return new EffectiveRules(resource, nonResource, user.IsSystemMaster);
    }

    /// <summary>As <see cref="RulesFor(UserInfo, string?)"/> for <c>kubectl --as NAME --as-group G…</c>.</summary>
    public EffectiveRules RulesFor(string user, IReadOnlyList<string> groups, string? ns) => RulesFor(UserInfo.Impersonate(user, groups), ns);

    /// <summary>A subject's effective rules in one scope (see <see cref="UserInfo.For"/> for what a subject's
    /// identity is). Iterate <see cref="RbacModel.Subjects"/> and null plus <see cref="RbacModel.Namespaces"/>
    /// to enumerate every subject's permissions in every scope.</summary>
    public EffectiveRules RulesFor(Subject subject, string? ns) => RulesFor(UserInfo.For(subject), ns);

    /// <summary>Service accounts of the snapshot that are implicitly in a group.</summary>
    public IEnumerable<Subject> MembersOf(string group) => group switch
    {
        UserInfo.AllServiceAccounts or UserInfo.AllAuthenticated => Model.ServiceAccounts,
        _ when group.StartsWith(UserInfo.ServiceAccountNamespaceGroupPrefix, StringComparison.Ordinal)
            => _serviceAccountsByNamespace[group[UserInfo.ServiceAccountNamespaceGroupPrefix.Length..]],
        _ => [],
    };

    private static readonly UserInfo NoUser = new("", []);

    private static string Describe(RequestAttributes r) => r.IsResourceRequest
        ? $"{r.Verb} {r.Resource}{(r.Subresource.Length > 0 ? "/" + r.Subresource : "")}{(r.ApiGroup.Length > 0 ? "." + r.ApiGroup : "")}"
          + (r.Name.Length > 0 ? $" \"{r.Name}\"" : "") + (r.Namespace.Length > 0 ? $" in namespace \"{r.Namespace}\"" : " at cluster scope")
        : $"{r.Verb} {r.Path}";
}
