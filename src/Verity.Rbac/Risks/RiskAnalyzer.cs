using Verity.Rbac.Authorization;
using Verity.Rbac.Model;

namespace Verity.Rbac.Risks;

/// <summary>
/// Finds the catalog's risks (<see cref="RiskCatalog"/>, docs/rbac.md) for every subject of a model.
/// Each subject's effective rules are gathered once (its user name and groups, as <see cref="UserInfo.For"/>
/// builds them, so a service account also holds what system:serviceaccounts and system:authenticated are
/// granted) and each check is answered with the authorizer's rule matching: first through
/// ClusterRoleBindings (scope cluster or all-namespaces), then in each namespace where a RoleBinding
/// applies (scope namespace:NS). A namespace finding is left out when the same risk already holds
/// unrestricted cluster-wide. Subsumed findings are left out (see <see cref="Subsumes"/>).
/// Deterministic: sorted by subject (kind, namespace, name), scope, then catalog order.
/// </summary>
public sealed class RiskAnalyzer
{
    private readonly RbacModel _model;
    private readonly GrantIndex _index;

    private RiskAnalyzer(RbacModel model)
    {
        _model = model;
        _index = new GrantIndex(model.Bindings);
    }

    /// <summary>
    /// Which findings make others redundant in the same scope (and, when the subsuming one is cluster-wide,
    /// in every namespace): cluster-admin subsumes everything; namespace-admin every other rule-based risk;
    /// read-secrets read-specific-secrets; pod-exec pod-exec-websocket-get; bind-roles and escalate-roles
    /// modify-rbac; steal-pods modify-nodes. Only an unrestricted finding (no <see cref="RiskFinding.Names"/>) subsumes.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Subsumes { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [RiskCatalog.ClusterAdmin] = RiskChecks.All.Select(c => c.Id).Where(id => id != RiskCatalog.ClusterAdmin).ToList(),
        [RiskCatalog.NamespaceAdmin] = RiskChecks.All.Select(c => c.Id).Where(id => id is not (RiskCatalog.ClusterAdmin or RiskCatalog.NamespaceAdmin)).ToList(),
        [RiskCatalog.ReadSecrets] = [RiskCatalog.ReadSpecificSecrets],
        [RiskCatalog.PodExec] = [RiskCatalog.PodExecWebsocketGet],
        [RiskCatalog.BindRoles] = [RiskCatalog.ModifyRbac],
        [RiskCatalog.EscalateRoles] = [RiskCatalog.ModifyRbac],
        [RiskCatalog.StealPods] = [RiskCatalog.ModifyNodes],
    };

    /// <summary>The groups broad-group-binding watches: everyone authenticated, anonymous, every service account, a namespace's service accounts.</summary>
    public static bool IsBroadGroup(string group) =>
        group is UserInfo.AllAuthenticated or UserInfo.AllUnauthenticated or UserInfo.AllServiceAccounts
        || group.StartsWith(UserInfo.ServiceAccountNamespaceGroupPrefix, StringComparison.Ordinal);

    /// <summary>Every finding for every subject of the model (<see cref="RbacModel.Subjects"/>), plus
    /// broad-group-binding and dangling-binding. The authorizer must be built on the same model.</summary>
    public static IReadOnlyList<RiskFinding> Analyze(RbacModel model, Authorizer authorizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(authorizer);
        if (!ReferenceEquals(authorizer.Model, model)) throw new ArgumentException("the authorizer is built on another model", nameof(authorizer));
        var analyzer = new RiskAnalyzer(model);
        var perSubject = new List<RiskFinding>[model.Subjects.Count];
        Parallel.For(0, model.Subjects.Count, i => perSubject[i] = analyzer.ForSubject(model.Subjects[i]));
        var findings = perSubject.SelectMany(f => f).ToList();
        findings.AddRange(BroadGroups(findings));
        findings.AddRange(Dangling(model));
        return Sort(findings);
    }

    /// <summary>The rule-based findings of some subjects (not necessarily in <see cref="RbacModel.Subjects"/>,
    /// e.g. service accounts workloads name without a ServiceAccount object), sorted as by <see cref="Analyze"/>.</summary>
    public static IReadOnlyList<RiskFinding> AnalyzeSubjects(RbacModel model, IReadOnlyList<Subject> subjects)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(subjects);
        if (subjects.Count == 0) return [];
        var analyzer = new RiskAnalyzer(model);
        return Sort(subjects.Distinct().SelectMany(analyzer.ForSubject));
    }

    internal static IReadOnlyList<RiskFinding> Sort(IEnumerable<RiskFinding> findings) => findings
        .OrderBy(f => f.Subject.Kind).ThenBy(f => f.Subject.Namespace, StringComparer.Ordinal).ThenBy(f => f.Subject.Name, StringComparer.Ordinal)
        .ThenBy(f => f.Scope, Comparer<string>.Create(RiskScope.Compare)).ThenBy(f => RiskCatalog.IndexOf(f.Risk))
        .ThenBy(f => string.Join(",", f.Names), StringComparer.Ordinal).ToList();

    private List<RiskFinding> ForSubject(Subject subject)
    {
        var user = UserInfo.For(subject);
        if (user.IsSystemMaster)
        {
            // The privileged-group authorizer allows members of system:masters everything before RBAC runs.
            return [Finding(RiskCatalog.ClusterAdmin, subject, RiskScope.Cluster, [],
                [new RiskEvidence(null, null, null, $"members of group {UserInfo.SystemMasters} bypass RBAC (privileged-group authorizer)")])];
        }
        var grants = _index.For(user);
        if (grants.IsEmpty) return [];
        var found = new List<RiskFinding>();
        var clusterWide = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
        if (grants.ClusterWide.Count > 0)
        {
            foreach (var check in RiskChecks.All)
            {
                if (!grants.ClusterMask.Intersects(RiskChecks.CheckMasks[check.Id])) continue;
                var result = grants.Evaluate(check, null);
                if (!result.Holds) continue;
                clusterWide[check.Id] = result;
                found.Add(Finding(check.Id, subject, result.TouchesCluster ? RiskScope.Cluster : RiskScope.AllNamespaces, result.Names, Evidence(subject, result)));
            }
        }
        foreach (var ns in grants.ByNamespace.Keys)
        {
            foreach (var check in RiskChecks.All)
            {
                // Without a local grant touching the check, the namespace answer is the cluster-wide one.
                if (check.ClusterOnly || !grants.NamespaceMask(ns).Intersects(RiskChecks.CheckMasks[check.Id])) continue;
                var wide = clusterWide.GetValueOrDefault(check.Id);
                if (wide is { Full: true }) continue;
                var result = grants.Evaluate(check, ns);
                if (!result.Holds) continue;
                if (wide is not null && !result.Full && result.Names.All(n => wide.Names.Contains(n))) continue;
                found.Add(Finding(check.Id, subject, RiskScope.Namespace(ns), result.Names, Evidence(subject, result)));
            }
        }
        return RemoveSubsumed(found);
    }

    private static List<RiskFinding> RemoveSubsumed(List<RiskFinding> found)
    {
        var subsumed = new HashSet<(string Risk, string Scope)>();
        var subsumedEverywhere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in found)
        {
            if (f.Names.Count > 0 || !Subsumes.TryGetValue(f.Risk, out var others)) continue;
            foreach (var other in others)
            {
                subsumed.Add((other, f.Scope));
                if (RiskScope.IsClusterWide(f.Scope)) subsumedEverywhere.Add(other);
            }
        }
        return found.Where(f => !subsumed.Contains((f.Risk, f.Scope)) && !subsumedEverywhere.Contains(f.Risk)).ToList();
    }

    private static IReadOnlyList<RiskEvidence> Evidence(Subject subject, CheckResult result)
    {
        var seen = new HashSet<(Binding, RuleOrigin)>();
        var evidence = new List<RiskEvidence>();
        foreach (var grant in result.Grants)
        {
            if (!seen.Add((grant.Binding, grant.Rule.Origin))) continue;
            evidence.Add(new RiskEvidence(RiskEvidence.Describe(grant.Binding), RiskEvidence.Describe(grant.Role), grant.Rule,
                grant.Subject == subject ? null : $"via {grant.Subject}"));
        }
        return evidence;
    }

    internal static RiskFinding Finding(string risk, Subject subject, string scope, IReadOnlyList<string> names, IReadOnlyList<RiskEvidence> evidence, string? severity = null)
    {
        var definition = RiskCatalog.Get(risk);
        return new RiskFinding
        {
            Risk = risk, Subject = subject, Scope = scope, Severity = severity ?? definition.SeverityIn(scope), Names = names,
            Evidence = evidence, Remediation = definition.Remediation, Controls = definition.Controls,
        };
    }

    /// <summary>broad-group-binding: one finding per broad group and scope, as severe as the worst sensitive
    /// finding of the group there; its evidence is theirs, each marked with the risk it gives.</summary>
    private static IEnumerable<RiskFinding> BroadGroups(IReadOnlyList<RiskFinding> findings) =>
        findings.Where(f => f.Subject.Kind == SubjectKind.Group && IsBroadGroup(f.Subject.Name) && RiskSeverity.IsSensitive(f.Severity))
            .GroupBy(f => (f.Subject, f.Scope))
            .Select(g => Finding(RiskCatalog.BroadGroupBinding, g.Key.Subject, g.Key.Scope, [],
                g.SelectMany(f => f.Evidence.Select(e => e with { Detail = $"gives {f.Risk}" })).ToList(),
                g.Select(f => f.Severity).MinBy(RiskSeverity.Rank)));

    /// <summary>
    /// dangling-binding: a binding whose role is not in the input (low: it grants nothing until someone
    /// creates the role), or that names a ServiceAccount missing from the input (medium: whoever may create
    /// service accounts there gets the grant). A ServiceAccount is called missing only when the input holds
    /// ServiceAccounts of its namespace (a partial input is not flagged) and it is not <c>default</c>, which
    /// every namespace has.
    /// </summary>
    private static IEnumerable<RiskFinding> Dangling(RbacModel model)
    {
        var known = model.ServiceAccounts.ToHashSet();
        var namespacesWithAccounts = model.ServiceAccounts.Select(s => s.Namespace!).ToHashSet(StringComparer.Ordinal);
        foreach (var binding in model.Bindings)
        {
            var scope = binding.Namespace is null ? RiskScope.Cluster : RiskScope.Namespace(binding.Namespace);
            var roleText = binding.RoleRef.Kind == Role.RoleKind && binding.Namespace is not null
                ? $"Role {binding.Namespace}/{binding.RoleRef.Name}" : $"{binding.RoleRef.Kind} {binding.RoleRef.Name}";
            foreach (var subject in binding.Subjects.Distinct())
            {
                if (binding.Role is null)
                {
                    yield return Finding(RiskCatalog.DanglingBinding, subject, scope, [],
                        [new RiskEvidence(RiskEvidence.Describe(binding), roleText, null, $"{roleText} is not in the input")], RiskSeverity.Low);
                }
                else if (subject.Kind == SubjectKind.ServiceAccount && subject.Name != "default"
                    && namespacesWithAccounts.Contains(subject.Namespace!) && !known.Contains(subject))
                {
                    yield return Finding(RiskCatalog.DanglingBinding, subject, scope, [],
                        [new RiskEvidence(RiskEvidence.Describe(binding), roleText, null, $"{subject} is not in the input")], RiskSeverity.Medium);
                }
            }
        }
    }
}
