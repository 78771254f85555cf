using System.Text.Json;
using Verity.Core.Model;
using Verity.Rbac.Model;

namespace Verity.Rbac.Compilation;

/// <summary>
/// Compiles a RoleBinding or ClusterRoleBinding
/// (https://kubernetes.io/docs/reference/kubernetes-api/authorization-resources/role-binding-v1/).
/// Checks follow ValidateRoleBinding / ValidateRoleBindingSubject in pkg/apis/rbac/validation/validation.go
/// after v1 defaulting (SetDefaults_Subject fills apiGroup for User and Group). A binding without a usable
/// roleRef is reported and skipped (null); an invalid subject is reported and left out.
/// </summary>
internal static class BindingCompiler
{
    public const string RbacGroup = "rbac.authorization.k8s.io";

    public static (string Kind, string Name)? RoleRef(KubeObject source, List<Diagnostic> diagnostics)
    {
        var clusterBinding = source.Kind == Binding.ClusterRoleBindingKind;
        if (RbacJson.Field(source.Raw, "roleRef") is not { ValueKind: JsonValueKind.Object } roleRef)
        {
            diagnostics.Add(RbacDiagnostics.Invalid(source, ["roleRef"], "roleRef is missing or not a mapping; the binding grants nothing"));
            return null;
        }
        var group = RbacJson.String(roleRef, "apiGroup");
        var kind = RbacJson.String(roleRef, "kind");
        var name = RbacJson.String(roleRef, "name");
        string? problem = null;
        if (group != RbacGroup) problem = $"roleRef.apiGroup must be \"{RbacGroup}\"";
        else if (clusterBinding ? kind != Role.ClusterRoleKind : kind is not (Role.RoleKind or Role.ClusterRoleKind))
            problem = clusterBinding ? "roleRef.kind must be ClusterRole" : "roleRef.kind must be Role or ClusterRole";
        else if (string.IsNullOrEmpty(name)) problem = "roleRef.name is required";
        if (problem is not null)
        {
            diagnostics.Add(RbacDiagnostics.Invalid(source, ["roleRef"], $"{problem}; the binding grants nothing"));
            return null;
        }
        return (kind!, name!);
    }

    public static List<Subject> Subjects(KubeObject source, List<Diagnostic> diagnostics)
    {
        var subjects = new List<Subject>();
        if (RbacJson.Field(source.Raw, "subjects") is not { } array) return subjects;
        if (array.ValueKind != JsonValueKind.Array)
        {
            diagnostics.Add(RbacDiagnostics.Invalid(source, ["subjects"], "subjects must be a list"));
            return subjects;
        }
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (Subject(source, item, out var problem) is { } subject) subjects.Add(subject);
            else diagnostics.Add(RbacDiagnostics.Invalid(source, ["subjects", index], $"{problem}; the subject is ignored"));
            index++;
        }
        return subjects;
    }

    private static Subject? Subject(KubeObject source, JsonElement item, out string problem)
    {
        problem = "";
        if (item.ValueKind != JsonValueKind.Object)
        {
            problem = "a subject must be a mapping";
            return null;
        }
        var kind = RbacJson.String(item, "kind");
        var name = RbacJson.String(item, "name");
        var group = RbacJson.String(item, "apiGroup");
        var ns = RbacJson.String(item, "namespace");
        if (kind is null || name is null || group is null || ns is null) problem = "kind, name, apiGroup and namespace must be strings";
        else if (name.Length == 0) problem = "subject name is required";
        else if (kind is "User" or "Group")
        {
            if (group is not ("" or RbacGroup)) problem = $"apiGroup of a {kind} must be \"{RbacGroup}\"";
            else return kind == "User" ? Model.Subject.User(name) : Model.Subject.Group(name);
        }
        else if (kind == "ServiceAccount")
        {
            // appliesToUser defaults an empty namespace to the binding's namespace; a ClusterRoleBinding has none to give.
            var effective = ns.Length > 0 ? ns : source.Namespace ?? "";
            if (group.Length > 0) problem = "apiGroup of a ServiceAccount must be \"\"";
            else if (effective.Length == 0 || source.Kind == Binding.ClusterRoleBindingKind && ns.Length == 0)
                problem = "a ServiceAccount subject of a ClusterRoleBinding needs a namespace";
            else return Model.Subject.ServiceAccount(effective, name);
        }
        else problem = $"unknown subject kind \"{kind}\" (User, Group or ServiceAccount)";
        return null;
    }
}
