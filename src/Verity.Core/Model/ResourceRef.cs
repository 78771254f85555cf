namespace Verity.Core.Model;

/// <summary>
/// Identifies one Kubernetes object: apiVersion, kind, namespace (null when cluster-scoped) and name.
/// The API server identifies an object by group, kind, namespace and name — the version is only a
/// representation (apps/v1 and apps/v1beta2 Deployments are the same object) — so equality is on
/// <see cref="Group"/>, not on ApiVersion.
/// </summary>
public sealed record ResourceRef(string ApiVersion, string Kind, string? Namespace, string Name)
{
    /// <summary>The API group: "" for the core group (<c>v1</c>), else the part before '/'.</summary>
    public string Group => ApiVersion.IndexOf('/') is var i and >= 0 ? ApiVersion[..i] : "";

    /// <summary>The stable text used in findings and JSON: <c>namespace/Kind/name</c>, or <c>Kind/name</c> when cluster-scoped.</summary>
    public string Display => Namespace is null ? $"{Kind}/{Name}" : $"{Namespace}/{Kind}/{Name}";

    public bool Equals(ResourceRef? other) =>
        other is not null && Kind == other.Kind && Name == other.Name && Namespace == other.Namespace
        && GroupSpan(ApiVersion).SequenceEqual(GroupSpan(other.ApiVersion));

    // Hashing runs for every dictionary lookup: compare the group as a span, without allocating it.
    public override int GetHashCode() => HashCode.Combine(Kind, Name, Namespace, string.GetHashCode(GroupSpan(ApiVersion)));

    private static ReadOnlySpan<char> GroupSpan(string apiVersion) =>
        apiVersion.IndexOf('/') is var i and >= 0 ? apiVersion.AsSpan(0, i) : [];

    public override string ToString() => Display;
}
