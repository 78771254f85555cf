namespace Verity.Kube.Kinds;

/// <summary>
/// One resource Verity lists from the API server: its group ("" for the core group), version, plural
/// resource name, kind and scope. <see cref="Optional"/> marks resources that come from CRDs which may not
/// be installed: a 404 for them means "not installed" and is skipped without a diagnostic.
/// </summary>
internal sealed record ApiKind(string Group, string Version, string Plural, string Kind, bool Namespaced, bool Optional = false)
{
    /// <summary><c>v1</c> for the core group, else <c>group/version</c>.</summary>
    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    private bool IsNamespaceKind => Group.Length == 0 && Plural == "namespaces";

    /// <summary>
    /// The list path (<c>/api/v1/pods</c>, <c>/apis/apps/v1/namespaces/demo/deployments</c>) for all namespaces
    /// (<paramref name="ns"/> null) or one namespace. Cluster-scoped kinds ignore <paramref name="ns"/>.
    /// </summary>
    public string ListPath(string? ns)
    {
        var root = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        return Namespaced && ns is not null ? $"{root}/namespaces/{Uri.EscapeDataString(ns)}/{Plural}" : $"{root}/{Plural}";
    }

    /// <summary>
    /// The field selector narrowing a cluster-scoped list to one namespace's view: reading one namespace
    /// lists only its own Namespace object, so the snapshot does not hold namespaces that were not read.
    /// </summary>
    public string? FieldSelector(string? ns) => IsNamespaceKind && ns is not null ? $"metadata.name={ns}" : null;

    /// <summary>For messages: <c>in all namespaces</c>, <c>in namespace "demo"</c> or <c>at cluster scope</c>.</summary>
    public string Scope(string? ns) => !Namespaced ? "at cluster scope" : ns is null ? "in all namespaces" : $"in namespace \"{ns}\"";
}
