using Verity.Rbac.Authorization;

namespace Verity.Rbac.Diff;

/// <summary>
/// One permission of a subject, as <see cref="RbacDiff"/> compares them: a request pattern that RBAC allows.
/// Either a resource permission — <see cref="Verb"/> on <see cref="Resource"/> (<c>pods</c>, <c>pods/exec</c>) of
/// <see cref="ApiGroup"/>, on one object (<see cref="ResourceName"/>) or any (null), in one namespace or
/// cluster-wide (<see cref="Namespace"/> null: every namespace and the cluster-scoped resources, what a
/// ClusterRoleBinding grants) — or a non-resource permission (<see cref="NonResourceUrl"/> set).
/// Values are the tokens RBAC rules use, and <c>*</c> stays a token of its own meaning "every value", including
/// ones no snapshot mentions (so <c>*</c> on verbs is held only by a rule granting every verb). See
/// <see cref="Covers"/> for when one permission implies another.
/// </summary>
public sealed record Permission
{
    public string? Namespace { get; init; }
    public required string Verb { get; init; }
    public string ApiGroup { get; init; } = "";
    /// <summary><c>resource</c> or <c>resource/subresource</c>; <c>*</c> and <c>*/SUB</c> as in rules. Null for a non-resource permission.</summary>
    public string? Resource { get; init; }
    /// <summary>Null: every object of the resource (a rule without resourceNames).</summary>
    public string? ResourceName { get; init; }
    public string? NonResourceUrl { get; init; }

    public bool IsResource => NonResourceUrl is null;

    /// <summary>
    /// True when holding this permission implies holding <paramref name="other"/> under RBAC matching
    /// (pkg/apis/rbac/v1/evaluation_helpers.go): cluster-wide covers every namespace; <c>*</c> covers every verb,
    /// group and resource; <c>*/SUB</c> covers <c>R/SUB</c>; no resource name covers every name; a URL ending in
    /// <c>*</c> covers the URLs it prefixes. Reflexive.
    /// </summary>
    public bool Covers(Permission other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (IsResource != other.IsResource || !Token(Verb, other.Verb)) return false;
        if (!IsResource)
        {
            var url = NonResourceUrl!;
            return url == "*" || url == other.NonResourceUrl || (url.EndsWith('*') && other.NonResourceUrl!.StartsWith(url.TrimEnd('*'), StringComparison.Ordinal));
        }
        return (Namespace is null || Namespace == other.Namespace) && Token(ApiGroup, other.ApiGroup)
            && ResourceCovers(Resource!, other.Resource!) && (ResourceName is null || ResourceName == other.ResourceName);
    }

    /// <summary>The request this permission stands for, as the authorizer's rule matcher takes it (the user is unused).</summary>
    internal RequestAttributes ToRequest()
    {
        if (!IsResource) return RequestAttributes.ForNonResource(NoUser, Verb, NonResourceUrl!);
        var slash = Resource!.IndexOf('/', StringComparison.Ordinal);
        return new RequestAttributes
        {
            User = NoUser, Verb = Verb, IsResourceRequest = true, ApiGroup = ApiGroup,
            Resource = slash < 0 ? Resource : Resource[..slash], Subresource = slash < 0 ? "" : Resource[(slash + 1)..],
            Name = ResourceName ?? "", Namespace = Namespace ?? "",
        };
    }

    /// <summary><c>create deployments.apps in namespace api</c>, <c>get secrets "db" cluster-wide</c>, <c>get /healthz</c>.</summary>
    public override string ToString()
    {
        if (!IsResource) return $"{Verb} {NonResourceUrl}";
        var name = ResourceName is null ? "" : $" \"{ResourceName}\"";
        return $"{Verb} {ResourceText}{name} {(Namespace is null ? "cluster-wide" : $"in namespace {Namespace}")}";
    }

    /// <summary>kubectl's TYPE.GROUP form: <c>pods</c>, <c>deployments.apps</c>, <c>pods/exec</c>, <c>*.*</c>.</summary>
    public string ResourceText
    {
        get
        {
            if (Resource is null) return "";
            if (ApiGroup.Length == 0) return Resource;
            var slash = Resource.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? $"{Resource}.{ApiGroup}" : $"{Resource[..slash]}.{ApiGroup}{Resource[slash..]}";
        }
    }

    private static readonly UserInfo NoUser = new("", []);

    private static bool Token(string mine, string theirs) => mine == "*" || mine == theirs;

    private static bool ResourceCovers(string mine, string theirs)
    {
        if (mine == "*" || mine == theirs) return true;
        if (!mine.StartsWith("*/", StringComparison.Ordinal)) return false;
        var slash = theirs.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 && theirs[slash..] == mine[1..];
    }
}
