using Verity.Core.Model;

namespace Verity.Rbac;

/// <summary>Diagnostic codes of the RBAC engine (documented in docs/diagnostics.md).</summary>
public static class RbacDiagnostics
{
    /// <summary>An RBAC object or part of one cannot be used (missing roleRef, bad subject, a rule of the
    /// wrong type); the part is skipped, which can only grant less (fail-closed).</summary>
    public const string InvalidRbac = "VT3001";

    /// <summary>A binding refers to a Role or ClusterRole that is not in the input; it grants nothing,
    /// as in the API server (GetRoleReferenceRules fails and the binding is passed over).</summary>
    public const string MissingRole = "VT3002";

    internal static Diagnostic Invalid(KubeObject source, IReadOnlyList<object> path, string message) =>
        new(DiagnosticLevel.Error, InvalidRbac, $"{Describe(source)}: {message}", source.LocationOf(path), FieldPath.Format(path));

    internal static Diagnostic Missing(KubeObject source, string message) =>
        new(DiagnosticLevel.Warning, MissingRole, $"{Describe(source)}: {message}", source.LocationOf(["roleRef"]), "roleRef");

    private static string Describe(KubeObject o) => o.Namespace is null ? $"{o.Kind} {o.Name}" : $"{o.Kind} {o.Namespace}/{o.Name}";
}
