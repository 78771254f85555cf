namespace Verity.Rbac.Authorization;

/// <summary>
/// What the authorizer is asked (k8s.io/apiserver/pkg/authorization/authorizer.Attributes): who, which
/// verb, and either a resource (group, resource, subresource, name, namespace) or a non-resource path.
/// Build them with <see cref="ForResource"/>, <see cref="FromKubectl"/> or <see cref="ForNonResource"/>,
/// which apply the API server's conventions for the namespace attribute.
/// </summary>
public sealed record RequestAttributes
{
    public required UserInfo User { get; init; }
    public required string Verb { get; init; }
    public bool IsResourceRequest { get; init; }
    public string ApiGroup { get; init; } = "";
    public string Resource { get; init; } = "";
    public string Subresource { get; init; } = "";
    public string Name { get; init; } = "";

    /// <summary>"" for a cluster-scoped request. Ignored for a non-resource request (RBAC visits RoleBindings
    /// only for a namespaced request, and a non-resource URL never has one).</summary>
    public string Namespace { get; init; } = "";

    /// <summary>The URL path of a non-resource request, e.g. <c>/healthz</c>.</summary>
    public string Path { get; init; } = "";

    /// <summary>
    /// A resource request as the API server's RequestInfoFactory (k8s.io/apiserver/pkg/endpoints/request/requestinfo.go)
    /// would describe it:
    /// <list type="bullet">
    /// <item>The namespace object itself (<c>GET /api/v1/namespaces/NAME</c>, and its <c>status</c> and
    /// <c>finalize</c> subresources) carries namespace = NAME, so a RoleBinding in NAME that grants
    /// <c>get namespaces</c> lets its subjects get their own namespace. Without a name (list, create) the
    /// request is cluster-scoped.</item>
    /// <item>A well-known cluster-scoped resource (<see cref="ClusterScopedResources"/>) has no namespace,
    /// whatever <paramref name="ns"/> says: the URL has none, so RoleBindings cannot grant it.</item>
    /// </list>
    /// </summary>
    public static RequestAttributes ForResource(UserInfo user, string verb, string apiGroup, string resource,
        string subresource = "", string? name = null, string? ns = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        name ??= "";
        ns ??= "";
        if (apiGroup.Length == 0 && resource == "namespaces") ns = name;
        else if (ClusterScopedResources.Contains((apiGroup, resource))) ns = "";
        return new RequestAttributes
        {
            User = user, Verb = verb, IsResourceRequest = true, ApiGroup = apiGroup, Resource = resource,
            Subresource = subresource, Name = name, Namespace = ns,
        };
    }

    /// <summary>
    /// A request from <c>kubectl auth can-i VERB TYPE[.GROUP][/NAME] [-n NS] [--subresource S]</c>:
    /// <c>deployments.apps/web</c> is resource deployments in group apps, name web. TYPE must be the
    /// plural resource name (kubectl resolves short names and kinds through discovery, which Verity does
    /// not have). See <see cref="ForResource"/> for the namespace conventions.
    /// </summary>
    public static RequestAttributes FromKubectl(UserInfo user, string verb, string typeAndName, string? ns = null, string? subresource = null)
    {
        ArgumentNullException.ThrowIfNull(typeAndName);
        var slash = typeAndName.IndexOf('/');
        var type = slash < 0 ? typeAndName : typeAndName[..slash];
        var name = slash < 0 ? null : typeAndName[(slash + 1)..];
        var dot = type.IndexOf('.');
        var (resource, group) = type == "*" || dot < 0 ? (type, "") : (type[..dot], type[(dot + 1)..]);
        return ForResource(user, verb, group, resource, subresource ?? "", name, ns);
    }

    /// <summary>A non-resource request (<c>kubectl auth can-i get /healthz</c>).</summary>
    public static RequestAttributes ForNonResource(UserInfo user, string verb, string path) =>
        new() { User = user, Verb = verb, IsResourceRequest = false, Path = path };

    /// <summary>Built-in cluster-scoped resources (group, plural) of https://kubernetes.io/docs/reference/kubernetes-api/.
    /// Others (and custom resources) are taken as the caller gives them.</summary>
    public static IReadOnlySet<(string Group, string Resource)> ClusterScopedResources { get; } = new HashSet<(string, string)>
    {
        ("", "nodes"), ("", "persistentvolumes"), ("", "componentstatuses"),
        ("rbac.authorization.k8s.io", "clusterroles"), ("rbac.authorization.k8s.io", "clusterrolebindings"),
        ("storage.k8s.io", "storageclasses"), ("storage.k8s.io", "csidrivers"), ("storage.k8s.io", "csinodes"),
        ("storage.k8s.io", "volumeattachments"), ("apiextensions.k8s.io", "customresourcedefinitions"),
        ("apiregistration.k8s.io", "apiservices"), ("admissionregistration.k8s.io", "mutatingwebhookconfigurations"),
        ("admissionregistration.k8s.io", "validatingwebhookconfigurations"), ("admissionregistration.k8s.io", "validatingadmissionpolicies"),
        ("admissionregistration.k8s.io", "validatingadmissionpolicybindings"), ("scheduling.k8s.io", "priorityclasses"),
        ("node.k8s.io", "runtimeclasses"), ("networking.k8s.io", "ingressclasses"), ("certificates.k8s.io", "certificatesigningrequests"),
        ("flowcontrol.apiserver.k8s.io", "flowschemas"), ("flowcontrol.apiserver.k8s.io", "prioritylevelconfigurations"),
        ("authentication.k8s.io", "tokenreviews"), ("authorization.k8s.io", "subjectaccessreviews"),
        ("authorization.k8s.io", "selfsubjectaccessreviews"), ("authorization.k8s.io", "selfsubjectrulesreviews"),
    };

    public override string ToString() => IsResourceRequest
        ? $"{User.Name} {Verb} {Resource}{(ApiGroup.Length > 0 ? "." + ApiGroup : "")}{(Subresource.Length > 0 ? "/" + Subresource : "")}"
          + (Name.Length > 0 ? $" {Name}" : "") + (Namespace.Length > 0 ? $" -n {Namespace}" : "")
        : $"{User.Name} {Verb} {Path}";
}
