using Verity.Core.Model;

namespace Verity.Posture;

/// <summary>Which namespace a check subject belongs to for per-namespace scoring.</summary>
public static class SubjectScope
{
    /// <summary>
    /// A namespaced object's own namespace; a core-group <c>Namespace</c> object counts towards itself;
    /// any other cluster-scoped subject belongs to no namespace (it counts in the overall score only).
    /// </summary>
    public static string? NamespaceOf(ResourceRef subject) =>
        subject.Namespace ?? (subject.Kind == "Namespace" && subject.Group == "" ? subject.Name : null);

    /// <summary>The reference of a namespace, as used for namespace subjects.</summary>
    public static ResourceRef Namespace(string name) => new("v1", "Namespace", null, name);
}
