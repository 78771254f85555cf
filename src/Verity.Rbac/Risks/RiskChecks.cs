namespace Verity.Rbac.Risks;

/// <summary>
/// The requests behind each rule-based catalog entry. Each is answered with the authorizer's own rule
/// matching on the subject's effective rules, so <c>*</c>, aggregated roles and the resource/subresource
/// distinction (<c>pods</c> does not cover <c>pods/exec</c>) behave as in the API server.
/// </summary>
internal static class RiskChecks
{
    private const string Rbac = "rbac.authorization.k8s.io";
    private static readonly string[] Write = ["create", "update", "patch"];
    private static readonly string[] Modify = ["update", "patch"];
    private static readonly string[] Read = ["get", "list", "watch"];

    public static IReadOnlyList<RiskCheck> All { get; } =
    [
        // `*` on `*` in `*`: a request with verb, group and resource "*" is matched only by rules that say "*".
        One(RiskCatalog.ClusterAdmin, [new Probe("*", "*", "*", "", ProbeScope.Cluster, false)]),
        One(RiskCatalog.NamespaceAdmin, [new Probe("*", "*", "*", "", ProbeScope.Namespaced, false)]),
        One(RiskCatalog.ReadSecrets, Unnamed(Probe.Of(Read, "", ["secrets"]))),
        One(RiskCatalog.ReadSpecificSecrets, Probe.Of(["get"], "", ["secrets"])),
        One(RiskCatalog.CreateWorkload,
        [
            .. Probe.Of(["create"], "", ["pods", "replicationcontrollers"]),
            .. Probe.Of(Write, "apps", ["deployments", "daemonsets", "statefulsets", "replicasets"]),
            .. Probe.Of(Write, "batch", ["jobs", "cronjobs"]),
            .. Probe.Of(Modify, "", ["replicationcontrollers"]),
        ]),
        One(RiskCatalog.ModifyPods, Probe.Of(Modify, "", ["pods"])),
        One(RiskCatalog.PodExec, Probe.Of(["create"], "", ["pods/exec", "pods/attach"])),
        // Before v1.35 the API server authorized exec, attach and portforward over WebSocket as get (KEP-4006).
        One(RiskCatalog.PodExecWebsocketGet, Probe.Of(["get"], "", ["pods/exec", "pods/attach", "pods/portforward"])),
        One(RiskCatalog.EphemeralContainers, Probe.Of(Modify, "", ["pods/ephemeralcontainers"])),
        One(RiskCatalog.NodesProxy, Probe.Of(["get", "create"], "", ["nodes/proxy"])),
        One(RiskCatalog.ModifyNodes, Probe.Of(Modify, "", ["nodes", "nodes/status"])),
        Every(RiskCatalog.StealPods, Probe.Of(Modify, "", ["nodes", "nodes/status"]), [.. Probe.Of(["delete"], "", ["pods"]), .. Probe.Of(["create"], "", ["pods/eviction"])]),
        // EscalationAllowed (pkg/registry/rbac/escalation_check.go): verb escalate on the role being written.
        new(RiskCatalog.EscalateRoles,
        [
            [Probe.Of(["escalate"], Rbac, ["roles"]), Probe.Of(Write, Rbac, ["roles"])],
            [Probe.Of(["escalate"], Rbac, ["clusterroles"]), Probe.Of(Write, Rbac, ["clusterroles"])],
        ]),
        // BindingAuthorized (pkg/registry/rbac/escalation_check.go): verb bind on the referenced role, asked in
        // the binding's namespace, so a RoleBinding can grant bind on clusterroles for its own namespace.
        new(RiskCatalog.BindRoles,
        [
            [Probe.Of(["bind"], Rbac, ["roles", "clusterroles"], ProbeScope.Namespaced), Probe.Of(Write, Rbac, ["rolebindings"])],
            [Probe.Of(["bind"], Rbac, ["clusterroles"]), Probe.Of(Write, Rbac, ["clusterrolebindings"])],
        ]),
        One(RiskCatalog.ModifyRbac, Probe.Of(Write, Rbac, ["roles", "rolebindings", "clusterroles", "clusterrolebindings"])),
        // The impersonation filter (k8s.io/apiserver/pkg/endpoints/filters/impersonation.go) asks impersonate on
        // users and groups without a namespace, and on serviceaccounts in the service account's namespace.
        One(RiskCatalog.Impersonate,
        [
            .. Probe.Of(["impersonate"], "", ["users", "groups"], ProbeScope.Cluster),
            .. Probe.Of(["impersonate"], "", ["serviceaccounts"]),
        ]),
        One(RiskCatalog.TokenRequest, Probe.Of(["create"], "", ["serviceaccounts/token"])),
        Every(RiskCatalog.IssueTokenSecret, Probe.Of(["create"], "", ["secrets"]), Unnamed(Probe.Of(Read, "", ["secrets"]))),
        // The CSR approval admission plugin asks approve on signers/<signerName> (or <domain>/*) in certificates.k8s.io.
        Every(RiskCatalog.ApproveCsr, Probe.Of(Modify, "certificates.k8s.io", ["certificatesigningrequests/approval"]),
            Probe.Of(["approve"], "certificates.k8s.io", ["signers"], ProbeScope.Cluster)),
        One(RiskCatalog.ControlWebhooks, Probe.Of(Write, "admissionregistration.k8s.io", ["validatingwebhookconfigurations", "mutatingwebhookconfigurations"])),
        One(RiskCatalog.CreatePersistentVolume, Probe.Of(["create"], "", ["persistentvolumes"])),
        One(RiskCatalog.ModifyNamespace, Probe.Of(Modify, "", ["namespaces"], ProbeScope.OwnNamespace)),
    ];

    /// <summary>Every distinct probe request (verb, group, resource, subresource, scope) with its bit in <see cref="ProbeMask"/>.</summary>
    public static IReadOnlyDictionary<Probe, int> ProbeIndex { get; } = BuildIndex();

    /// <summary>The probes each check asks, as a mask (by check id).</summary>
    public static IReadOnlyDictionary<string, ProbeMask> CheckMasks { get; } = All.ToDictionary(
        c => c.Id, c => c.Alternatives.SelectMany(a => a).SelectMany(r => r).Aggregate(ProbeMask.Empty, (m, p) => m.Or(ProbeMask.Bit(ProbeIndex[p with { Named = false }]))), StringComparer.Ordinal);

    /// <summary>The bit of a probe instance of <see cref="All"/> (looked up by reference: cheap in the hot loop).</summary>
    public static ProbeMask MaskOf(Probe probe) => MaskByInstance.TryGetValue(probe, out var mask) ? mask : ProbeMask.Bit(ProbeIndex[probe with { Named = false }]);

    private static readonly Dictionary<Probe, ProbeMask> MaskByInstance = All.SelectMany(c => c.Alternatives).SelectMany(a => a).SelectMany(r => r)
        .Distinct(ReferenceEqualityComparer.Instance).Cast<Probe>()
        .ToDictionary(p => p, p => ProbeMask.Bit(ProbeIndex[p with { Named = false }]), (IEqualityComparer<Probe>)ReferenceEqualityComparer.Instance);

    private static Dictionary<Probe, int> BuildIndex()
    {
        var index = new Dictionary<Probe, int>();
        foreach (var probe in All.SelectMany(c => c.Alternatives).SelectMany(a => a).SelectMany(r => r))
            index.TryAdd(probe with { Named = false }, index.Count);
        if (index.Count > 128) throw new InvalidOperationException($"{index.Count} probes do not fit a ProbeMask");
        return index;
    }

    private static RiskCheck One(string id, IReadOnlyList<Probe> anyOf) => new(id, [[anyOf]]);

    private static RiskCheck Every(string id, params IReadOnlyList<Probe>[] requirements) => new(id, [requirements]);

    /// <summary>Only an unrestricted grant counts (reading every secret, not a named one).</summary>
    private static IReadOnlyList<Probe> Unnamed(IReadOnlyList<Probe> probes) => probes.Select(p => p with { Named = false }).ToList();
}
