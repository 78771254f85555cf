namespace Verity.Rbac.Model;

/// <summary>
/// Who a binding grants to. A ServiceAccount always carries its effective namespace: a RoleBinding
/// subject written without one gets the binding's namespace, as <c>appliesToUser</c> in
/// pkg/registry/rbac/validation/rule.go defaults it. <see cref="Namespace"/> is null for users and groups.
/// </summary>
public sealed record Subject(SubjectKind Kind, string Name, string? Namespace = null)
{
    /// <summary>The user name the API server authenticates a service account as
    /// (<c>serviceaccount.MakeUsername</c>): <c>system:serviceaccount:NS:NAME</c>.</summary>
    public const string ServiceAccountUserPrefix = "system:serviceaccount:";

    public static Subject User(string name) => new(SubjectKind.User, name);

    public static Subject Group(string name) => new(SubjectKind.Group, name);

    public static Subject ServiceAccount(string ns, string name) => new(SubjectKind.ServiceAccount, name, ns);

    /// <summary>The user name this subject matches: the name for a user, the service account's user name
    /// for a service account, null for a group (groups match on group membership).</summary>
    public string? UserName => Kind switch
    {
        SubjectKind.User => Name,
        SubjectKind.ServiceAccount => $"{ServiceAccountUserPrefix}{Namespace}:{Name}",
        _ => null,
    };

    /// <summary><c>User alice</c>, <c>Group devs</c>, <c>ServiceAccount ns/name</c>.</summary>
    public override string ToString() => Kind == SubjectKind.ServiceAccount ? $"ServiceAccount {Namespace}/{Name}" : $"{Kind} {Name}";
}
