namespace Verity.Rbac.Diff;

/// <summary>The order permissions are listed in: cluster-wide first, then by namespace; resource permissions (by
/// group, resource, verb, name — any name first) before non-resource ones (by URL, verb). Ordinal.</summary>
public sealed class PermissionOrder : IComparer<Permission>
{
    public static PermissionOrder Instance { get; } = new();

    public int Compare(Permission? x, Permission? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int c;
        if ((c = x.IsResource.CompareTo(y.IsResource)) != 0) return -c;
        if ((c = (x.Namespace is null).CompareTo(y.Namespace is null)) != 0) return -c;
        if ((c = string.CompareOrdinal(x.Namespace, y.Namespace)) != 0) return c;
        if ((c = string.CompareOrdinal(x.ApiGroup, y.ApiGroup)) != 0) return c;
        if ((c = string.CompareOrdinal(x.Resource, y.Resource)) != 0) return c;
        if ((c = string.CompareOrdinal(x.NonResourceUrl, y.NonResourceUrl)) != 0) return c;
        if ((c = string.CompareOrdinal(x.Verb, y.Verb)) != 0) return c;
        if ((c = (x.ResourceName is null).CompareTo(y.ResourceName is null)) != 0) return -c;
        return string.CompareOrdinal(x.ResourceName, y.ResourceName);
    }
}
