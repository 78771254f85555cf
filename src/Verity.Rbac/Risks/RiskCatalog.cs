namespace Verity.Rbac.Risks;

/// <summary>
/// The risk catalog (docs/rbac.md): stable ids, severities, remediation and CIS Kubernetes Benchmark
/// (v1.9, section 5.1) controls. What each id checks is in <see cref="RiskChecks"/>; broad-group-binding
/// and dangling-binding are decided on bindings, not on rules.
/// </summary>
public static class RiskCatalog
{
    public const string ClusterAdmin = "cluster-admin";
    public const string NamespaceAdmin = "namespace-admin";
    public const string ReadSecrets = "read-secrets";
    public const string ReadSpecificSecrets = "read-specific-secrets";
    public const string CreateWorkload = "create-workload";
    public const string ModifyPods = "modify-pods";
    public const string PodExec = "pod-exec";
    public const string PodExecWebsocketGet = "pod-exec-websocket-get";
    public const string EphemeralContainers = "ephemeral-containers";
    public const string NodesProxy = "nodes-proxy";
    public const string ModifyNodes = "modify-nodes";
    public const string StealPods = "steal-pods";
    public const string EscalateRoles = "escalate-roles";
    public const string BindRoles = "bind-roles";
    public const string ModifyRbac = "modify-rbac";
    public const string Impersonate = "impersonate";
    public const string TokenRequest = "token-request";
    public const string IssueTokenSecret = "issue-token-secret";
    public const string ApproveCsr = "approve-csr";
    public const string ControlWebhooks = "control-webhooks";
    public const string CreatePersistentVolume = "create-pv";
    public const string ModifyNamespace = "modify-namespace";
    public const string BroadGroupBinding = "broad-group-binding";
    public const string DanglingBinding = "dangling-binding";

    /// <summary>Every entry, in the order findings of one subject and scope are listed.</summary>
    public static IReadOnlyList<RiskDefinition> All { get; } =
    [
        Def(ClusterAdmin, RiskSeverity.Critical, null, "Allowed every verb on every resource cluster-wide (or a member of system:masters, which bypasses RBAC).",
            "Bind a role with the verbs and resources actually needed; keep cluster-admin for break-glass identities.", "CIS 5.1.1", "CIS 5.1.7"),
        Def(NamespaceAdmin, RiskSeverity.High, null, "Allowed every verb on every resource of a namespace: every namespaced risk below, in that namespace.",
            "Replace the wildcard role with one listing the resources and verbs used.", "CIS 5.1.3"),
        Def(ReadSecrets, RiskSeverity.High, RiskSeverity.Critical, "Can get, list or watch every Secret in scope, including service account tokens and credentials.",
            "Grant get on the named secrets needed (resourceNames), or mount them instead of reading them through the API.", "CIS 5.1.2"),
        Def(ReadSpecificSecrets, RiskSeverity.Medium, null, "Can get the named Secrets only.",
            "Check the named secrets are the ones the workload needs.", "CIS 5.1.2"),
        Def(CreateWorkload, RiskSeverity.High, RiskSeverity.Critical, "Can create pods or write pod-creating controllers, so can run code as any service account of the namespace.",
            "Deploy through a pipeline identity limited to its namespaces; do not give workloads write access to controllers.", "CIS 5.1.4"),
        Def(ModifyPods, RiskSeverity.High, RiskSeverity.Critical, "Can update or patch pods (e.g. swap a container image), running code as the pod's service account.",
            "Remove update/patch on pods; change workloads through their controllers.", "CIS 5.1.4"),
        Def(PodExec, RiskSeverity.High, RiskSeverity.Critical, "Can exec or attach into running pods, acting as their service accounts and reading their mounted secrets.",
            "Remove create on pods/exec and pods/attach, or limit it with resourceNames to debugging targets.", "CIS 5.1.4"),
        Def(PodExecWebsocketGet, RiskSeverity.High, RiskSeverity.Critical, "Has get on pods/exec, pods/attach or pods/portforward: enough to exec over WebSocket on clusters before v1.35 (KEP-4006).",
            "Grant get on pods only; drop the exec, attach and portforward subresources."),
        Def(EphemeralContainers, RiskSeverity.High, RiskSeverity.Critical, "Can add ephemeral containers to running pods, running code as their service accounts.",
            "Remove update/patch on pods/ephemeralcontainers outside break-glass roles.", "CIS 5.1.4"),
        Def(NodesProxy, RiskSeverity.Critical, null, "Can reach the kubelet API through nodes/proxy, which allows exec into any pod of the node.",
            "Remove nodes/proxy; use metrics endpoints (nodes/metrics, nodes/stats) instead.", "CIS 5.1.10"),
        Def(ModifyNodes, RiskSeverity.High, null, "Can update or patch nodes (labels, taints, status), steering where pods are scheduled.",
            "Keep node writes to the node and cluster components."),
        Def(StealPods, RiskSeverity.Critical, null, "Can modify nodes and delete or evict pods: can make sensitive pods reschedule onto a node it controls.",
            "Separate node writes from pod deletion and eviction."),
        Def(EscalateRoles, RiskSeverity.Critical, null, "Has escalate on roles and can write them: can grant itself permissions it does not hold.",
            "Remove the escalate verb; it is meant for the RBAC controllers only.", "CIS 5.1.8"),
        Def(BindRoles, RiskSeverity.Critical, null, "Has bind on roles and can write bindings: can bind any role (cluster-admin) to itself.",
            "Remove the bind verb, or limit it with resourceNames to the roles the identity hands out.", "CIS 5.1.8"),
        Def(ModifyRbac, RiskSeverity.Low, null, "Can write roles or bindings without bind or escalate: the API server only lets it hand out permissions it already holds.",
            "Check the identity really manages RBAC."),
        Def(Impersonate, RiskSeverity.High, RiskSeverity.Critical, "Can impersonate users, groups or service accounts (and so act with their permissions; group system:masters is cluster-admin).",
            "Remove impersonate, or limit it with resourceNames.", "CIS 5.1.8"),
        Def(TokenRequest, RiskSeverity.High, RiskSeverity.Critical, "Can create tokens for service accounts (serviceaccounts/token) and act as them.",
            "Remove create on serviceaccounts/token, or limit it with resourceNames.", "CIS 5.1.13"),
        Def(IssueTokenSecret, RiskSeverity.High, RiskSeverity.Critical, "Can create a service-account-token Secret for any service account of the namespace and read it back.",
            "Do not combine create and read on secrets.", "CIS 5.1.2", "CIS 5.1.13"),
        Def(ApproveCsr, RiskSeverity.Critical, null, "Can approve certificate signing requests for a signer: can issue itself client certificates (e.g. for system:masters).",
            "Keep CSR approval to the controllers; limit approve to the signer names needed.", "CIS 5.1.11"),
        Def(ControlWebhooks, RiskSeverity.Critical, null, "Can create or change admission webhooks: can see and rewrite every object written to the API.",
            "Keep webhook configuration writes to the platform's deployment identity.", "CIS 5.1.12"),
        Def(CreatePersistentVolume, RiskSeverity.High, null, "Can create PersistentVolumes, e.g. a hostPath volume exposing a node's filesystem.",
            "Let the storage provisioner create volumes; grant PersistentVolumeClaims instead.", "CIS 5.1.9"),
        Def(ModifyNamespace, RiskSeverity.Medium, null, "Can update its namespace object, e.g. remove Pod Security Admission labels.",
            "Remove update/patch on namespaces."),
        Def(BroadGroupBinding, RiskSeverity.Critical, null, "A sensitive (high or critical) capability is bound to a group every authenticated user or service account is in.",
            "Bind the role to the identities that need it, not to system:authenticated, system:unauthenticated or system:serviceaccounts[:NS]."),
        Def(DanglingBinding, RiskSeverity.Low, null, "A binding refers to a role or a ServiceAccount that does not exist: whoever creates it later gets the grant.",
            "Delete the binding, or create what it refers to on purpose."),
    ];

    private static readonly Dictionary<string, RiskDefinition> ById = All.ToDictionary(d => d.Id, StringComparer.Ordinal);

    public static RiskDefinition Get(string id) => ById[id];

    /// <summary>The catalog position of an id, used to order findings.</summary>
    public static int IndexOf(string id)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Id == id) return i;
        }
        return int.MaxValue;
    }

    private static RiskDefinition Def(string id, string severity, string? wide, string summary, string remediation, params string[] controls) =>
        new() { Id = id, Severity = severity, ClusterWideSeverity = wide, Summary = summary, Remediation = remediation, Controls = controls };
}
