using Verity.Core.Snapshots;
using Verity.Rbac.Authorization;
using Verity.Rbac.Model;
using Verity.Rbac.Risks;

namespace Verity.Rbac.Paths;

/// <summary>
/// Turns one finding into edges of the <see cref="EscalationGraph"/>. An unrestricted finding reaches every
/// target of its scope (a <see cref="Reach"/>); a finding limited by resourceNames reaches the targets with
/// those names that the <see cref="Authorizer"/> allows, asked one by one, so names limit edges exactly.
/// </summary>
internal sealed class EdgeBuilder(Authorizer authorizer, IReadOnlyList<Workload> workloads, IReadOnlyList<Subject> accounts, IReadOnlyList<Subject> subjects)
{
    private const string ApiServerClientSigner = "kubernetes.io/kube-apiserver-client";
    private static readonly EscalationNode Admin = EscalationNode.ClusterAdminEquivalent;
    private static readonly EscalationNode Secrets = EscalationNode.ReadAllSecrets;

    private readonly Dictionary<Workload, IReadOnlyList<string>> _podNames =
        workloads.ToDictionary<Workload, Workload, IReadOnlyList<string>>(w => w, PodNames.Of, ReferenceEqualityComparer.Instance);

    public void Add(Subject subject, RiskFinding finding, Action<EscalationEdge> edge, Action<Reach> reach)
    {
        var from = EscalationNode.For(subject);
        var ns = RiskScope.NamespaceOf(finding.Scope);
        var full = finding.Names.Count == 0;
        void To(EscalationNode target) => edge(new EscalationEdge(from, target, finding.Risk, finding.Scope, finding.Evidence));
        void ToAll(bool workloadAccountsOnly) => reach(new Reach(ns, workloadAccountsOnly, finding.Risk, finding.Scope, finding.Evidence));
        switch (finding.Risk)
        {
            case RiskCatalog.ClusterAdmin:
                To(Admin);
                To(Secrets);
                break;
            case RiskCatalog.ReadSecrets when ns is null:
                To(Secrets);
                break;
            case RiskCatalog.NamespaceAdmin or RiskCatalog.CreateWorkload or RiskCatalog.IssueTokenSecret:
                ToAll(false);
                break;
            case RiskCatalog.BindRoles or RiskCatalog.EscalateRoles:
                // Cluster-wide, the identity can bind or write cluster-admin for itself; in a namespace, admin of it.
                if (ns is null && full) To(Admin);
                else if (ns is not null) ToAll(false);
                break;
            case RiskCatalog.ControlWebhooks or RiskCatalog.NodesProxy:
                To(Admin);
                break;
            case RiskCatalog.ApproveCsr when full || finding.Names.Contains(ApiServerClientSigner) || finding.Names.Contains("kubernetes.io/*"):
                To(Admin);
                break;
            case RiskCatalog.TokenRequest:
                if (Can(subject, "create", "serviceaccounts", "token", "", ns)) ToAll(false);
                else foreach (var a in Named(AccountsIn(ns), finding.Names, a => a.Name))
                {
                    if (Can(subject, "create", "serviceaccounts", "token", a.Name, a.Namespace)) To(EscalationNode.For(a));
                }
                break;
            case RiskCatalog.PodExec:
                Pods(subject, ns, finding, To, ToAll, ("create", "exec"), ("create", "attach"));
                break;
            case RiskCatalog.PodExecWebsocketGet:
                Pods(subject, ns, finding, To, ToAll, ("get", "exec"), ("get", "attach"));
                break;
            case RiskCatalog.ModifyPods:
                Pods(subject, ns, finding, To, ToAll, ("update", ""), ("patch", ""));
                break;
            case RiskCatalog.EphemeralContainers:
                Pods(subject, ns, finding, To, ToAll, ("update", "ephemeralcontainers"), ("patch", "ephemeralcontainers"));
                break;
            case RiskCatalog.Impersonate:
                Impersonate(subject, ns, finding, To, ToAll);
                break;
        }
    }

    /// <summary>Allowed on any pod: the accounts of every workload in scope (not for portforward alone, which
    /// pod-exec-websocket-get also counts but does not run code). Limited: the workloads with a pod
    /// (see <see cref="PodNames"/>) named in the finding on which the authorizer allows one of the requests.</summary>
    private void Pods(Subject subject, string? ns, RiskFinding finding, Action<EscalationNode> to, Action<bool> toAll, params (string Verb, string Subresource)[] requests)
    {
        if (requests.Any(r => Can(subject, r.Verb, "pods", r.Subresource, "", ns)))
        {
            toAll(true);
            return;
        }
        foreach (var w in ns is null ? workloads : _workloadsByNamespace[ns])
        {
            var pods = _podNames[w].Where(finding.Names.Contains);
            if (pods.Any(pod => requests.Any(r => Can(subject, r.Verb, "pods", r.Subresource, pod, w.Namespace))))
                to(EscalationNode.For(Subject.ServiceAccount(w.Namespace, w.ServiceAccountName)));
        }
    }

    /// <summary>filters/impersonation.go asks impersonate per user, group and service account: group
    /// system:masters is cluster-admin; otherwise every account, user or group the authorizer allows.</summary>
    private void Impersonate(Subject subject, string? ns, RiskFinding finding, Action<EscalationNode> to, Action<bool> toAll)
    {
        if (ns is null && Can(subject, "impersonate", "groups", "", UserInfo.SystemMasters, null)) to(Admin);
        if (Can(subject, "impersonate", "serviceaccounts", "", "", ns)) toAll(false);
        else foreach (var a in Named(AccountsIn(ns), finding.Names, a => a.Name))
        {
            if (Can(subject, "impersonate", "serviceaccounts", "", a.Name, a.Namespace)) to(EscalationNode.For(a));
        }
        if (ns is not null) return;
        foreach (var kind in new[] { SubjectKind.User, SubjectKind.Group })
        {
            var resource = kind == SubjectKind.User ? "users" : "groups";
            var all = Can(subject, "impersonate", resource, "", "", null);
            foreach (var other in subjects.Where(s => s.Kind == kind && s != subject))
            {
                if (all || finding.Names.Contains(other.Name) && Can(subject, "impersonate", resource, "", other.Name, null)) to(EscalationNode.For(other));
            }
        }
    }

    private readonly ILookup<string, Subject> _accountsByNamespace = accounts.ToLookup(a => a.Namespace!, StringComparer.Ordinal);
    private readonly ILookup<string, Workload> _workloadsByNamespace = workloads.ToLookup(w => w.Namespace, StringComparer.Ordinal);

    private IEnumerable<Subject> AccountsIn(string? ns) => ns is null ? accounts : _accountsByNamespace[ns];

    private static IEnumerable<T> Named<T>(IEnumerable<T> items, IReadOnlyList<string> names, Func<T, string> name) =>
        names.Count == 0 ? [] : items.Where(i => names.Contains(name(i)));

    /// <summary>The authorizer's answer for the subject; <paramref name="ns"/> null asks without a namespace
    /// (so only ClusterRoleBindings count, as for a cluster-wide finding).</summary>
    private bool Can(Subject subject, string verb, string resource, string subresource, string name, string? ns)
    {
        var request = new RequestAttributes
        {
            User = UserInfo.For(subject), Verb = verb, IsResourceRequest = true, ApiGroup = "", Resource = resource,
            Subresource = subresource, Name = name, Namespace = ns ?? "",
        };
        return authorizer.Authorize(request).Allowed;
    }
}
