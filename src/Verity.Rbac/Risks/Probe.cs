using Verity.Rbac.Authorization;

namespace Verity.Rbac.Risks;

/// <summary>
/// One request a risk asks the effective rules about. <see cref="Named"/> says the request carries an
/// object name (get, update, subresource create, impersonate, bind…), so a rule limited by resourceNames
/// can allow it for those names; a request without a name (create, list) is matched by unrestricted rules only.
/// </summary>
internal sealed record Probe(string Verb, string Group, string Resource, string Subresource, ProbeScope Scope, bool Named)
{
    public string Combined => Subresource.Length > 0 ? $"{Resource}/{Subresource}" : Resource;

    /// <summary>The request, for object <paramref name="name"/> ("" for any) in namespace <paramref name="ns"/>.</summary>
    public RequestAttributes Request(string name, string ns) => new()
    {
        User = NoUser, Verb = Verb, IsResourceRequest = true, ApiGroup = Group, Resource = Resource,
        Subresource = Subresource, Name = name, Namespace = Scope == ProbeScope.Cluster ? "" : ns,
    };

    private static readonly UserInfo NoUser = new("", []);

    /// <summary>Probes for each verb and resource (<c>pods/exec</c> splits into resource and subresource).
    /// Scope is cluster for <see cref="RequestAttributes.ClusterScopedResources"/>, unless given.</summary>
    public static IReadOnlyList<Probe> Of(string[] verbs, string group, string[] resources, ProbeScope? scope = null)
    {
        var probes = new List<Probe>();
        foreach (var resource in resources)
        {
            var slash = resource.IndexOf('/');
            var (res, sub) = slash < 0 ? (resource, "") : (resource[..slash], resource[(slash + 1)..]);
            var s = scope ?? (RequestAttributes.ClusterScopedResources.Contains((group, res)) ? ProbeScope.Cluster : ProbeScope.Namespaced);
            foreach (var verb in verbs)
                probes.Add(new Probe(verb, group, res, sub, s, Named: verb != "create" && verb != "list" && verb != "watch" && verb != "deletecollection" || sub.Length > 0));
        }
        return probes;
    }
}
