using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Rbac.Authorization;
using Verity.Rbac.Model;

namespace Verity.Rbac.Tests;

/// <summary>Terse YAML builders and a compile helper for the RBAC tests.</summary>
internal static class TestRbac
{
    public static RbacModel Compile(string yaml, RbacOptions? options = null, bool allowDiagnostics = false)
    {
        var loaded = ManifestParser.Parse(yaml, "test.yaml");
        Assert.Empty(loaded.Diagnostics);
        var model = RbacModel.FromSnapshot(SnapshotBuilder.Build(loaded.Objects), options);
        if (!allowDiagnostics) Assert.Empty(model.Diagnostics);
        return model;
    }

    public static Authorizer Authorizer(string yaml, RbacOptions? options = null) => new(Compile(yaml, options));

    /// <summary>A ClusterRole with rules given as YAML flow mappings, e.g. <c>{apiGroups: [""], resources: [pods], verbs: [get]}</c>.</summary>
    public static string ClusterRole(string name, params string[] rules) =>
        $"---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {{name: {Q(name)}}}\nrules:{Rules(rules)}";

    public static string Role(string ns, string name, params string[] rules) =>
        $"---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {{name: {Q(name)}, namespace: {ns}}}\nrules:{Rules(rules)}";

    public static string ClusterRoleBinding(string name, string role, params string[] subjects) =>
        $"---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {{name: {Q(name)}}}\n"
        + $"roleRef: {{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: {Q(role)}}}\nsubjects:{Rules(subjects)}";

    public static string RoleBinding(string ns, string name, string roleKind, string role, params string[] subjects) =>
        $"---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {{name: {Q(name)}, namespace: {ns}}}\n"
        + $"roleRef: {{apiGroup: rbac.authorization.k8s.io, kind: {roleKind}, name: {Q(role)}}}\nsubjects:{Rules(subjects)}";

    public static string ServiceAccount(string ns, string name) =>
        $"---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {{name: {name}, namespace: {ns}}}\n";

    public const string Alice = "{kind: User, apiGroup: rbac.authorization.k8s.io, name: alice}";
    public const string Devs = "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: devs}";

    public static string Sa(string name, string? ns = null) =>
        ns is null ? $"{{kind: ServiceAccount, name: {name}}}" : $"{{kind: ServiceAccount, name: {name}, namespace: {ns}}}";

    public static UserInfo User(string name, params string[] groups) => new(name, groups);

    public static bool Can(this Authorizer authorizer, UserInfo user, string verb, string group, string resource,
        string subresource = "", string? name = null, string? ns = null) =>
        authorizer.Authorize(RequestAttributes.ForResource(user, verb, group, resource, subresource, name, ns)).Allowed;

    private static string Rules(string[] items) => items.Length == 0 ? " []\n" : "\n" + string.Concat(items.Select(r => $"- {r}\n"));

    private static string Q(string s) => $"\"{s}\"";
}
