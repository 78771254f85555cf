using System.Text.RegularExpressions;

namespace Verity.Cli.Rbac;

/// <summary>
/// What kubectl's discovery (RESTMapper) does for <c>auth can-i</c>, for the common built-in types only: a plural,
/// singular or short name (<c>po</c>, <c>deploy</c>, <c>netpol</c>…) becomes the plural resource and its API group.
/// <c>TYPE.GROUP</c> names the group (<c>deployments.apps</c>, also <c>deployments.v1.apps</c>); a TYPE not in the
/// table (a custom resource, a rarely used type) is taken literally as a plural resource in the group given (core
/// when none), with a warning, as kubectl does for a type the server does not know.
/// </summary>
internal static partial class ResourceTypes
{
    private const string Rbac = "rbac.authorization.k8s.io";

    /// <summary>Plural, API group, then the other names accepted (singular, short names). Shown in docs/cli.md.</summary>
    public static IReadOnlyList<(string Plural, string Group, string[] Aliases)> Table { get; } =
    [
        ("pods", "", ["pod", "po"]),
        ("services", "", ["service", "svc"]),
        ("secrets", "", ["secret"]),
        ("configmaps", "", ["configmap", "cm"]),
        ("namespaces", "", ["namespace", "ns"]),
        ("nodes", "", ["node", "no"]),
        ("serviceaccounts", "", ["serviceaccount", "sa"]),
        ("persistentvolumes", "", ["persistentvolume", "pv"]),
        ("persistentvolumeclaims", "", ["persistentvolumeclaim", "pvc"]),
        ("events", "", ["event", "ev"]),
        ("endpoints", "", ["ep"]),
        ("bindings", "", ["binding"]),
        ("deployments", "apps", ["deployment", "deploy"]),
        ("daemonsets", "apps", ["daemonset", "ds"]),
        ("statefulsets", "apps", ["statefulset", "sts"]),
        ("replicasets", "apps", ["replicaset", "rs"]),
        ("jobs", "batch", ["job"]),
        ("cronjobs", "batch", ["cronjob", "cj"]),
        ("ingresses", "networking.k8s.io", ["ingress", "ing"]),
        ("networkpolicies", "networking.k8s.io", ["networkpolicy", "netpol"]),
        ("roles", Rbac, ["role"]),
        ("rolebindings", Rbac, ["rolebinding"]),
        ("clusterroles", Rbac, ["clusterrole"]),
        ("clusterrolebindings", Rbac, ["clusterrolebinding"]),
        ("certificatesigningrequests", "certificates.k8s.io", ["certificatesigningrequest", "csr"]),
        ("customresourcedefinitions", "apiextensions.k8s.io", ["customresourcedefinition", "crd", "crds"]),
    ];

    private static readonly Dictionary<string, (string Plural, string Group)> ByName = Table
        .SelectMany(t => t.Aliases.Prepend(t.Plural).Select(name => (name, t)))
        .ToDictionary(x => x.name, x => (x.t.Plural, x.t.Group), StringComparer.Ordinal);

    /// <summary>kubectl treats these as known although no server lists them (nonStandardResourceNames).</summary>
    private static readonly HashSet<string> NonStandard = ["users", "groups"];

    /// <summary>The resource and group TYPE[.GROUP] means, and a warning when TYPE is not in the table.</summary>
    public static (string Resource, string Group, string? Warning) Resolve(string type)
    {
        if (type == "*") return ("*", "", null);
        type = type.ToLowerInvariant();
        var dot = type.IndexOf('.', StringComparison.Ordinal);
        var (name, group) = dot < 0 ? (type, (string?)null) : (type[..dot], type[(dot + 1)..]);
        if (group is not null && VersionPrefix().Match(group) is { Success: true } version) group = group[version.Length..];
        if (ByName.TryGetValue(name, out var known) && (group is null || group == known.Group)) return (known.Plural, known.Group, null);
        if (NonStandard.Contains(name) || name == "*") return (name, group ?? "", null);
        var warning = group is null
            ? $"Warning: the resource type '{name}' is not in verity's table of built-in types; taken literally as resource '{name}' in the core API group"
            : $"Warning: the resource type '{name}' in group '{group}' is not in verity's table of built-in types; taken literally";
        return (name, group ?? "", warning);
    }

    /// <summary>The version part of <c>deployments.v1.apps</c>, as schema.ParseResourceArg reads it.</summary>
    [GeneratedRegex(@"^v\d+((alpha|beta)\d+)?\.")]
    private static partial Regex VersionPrefix();
}
