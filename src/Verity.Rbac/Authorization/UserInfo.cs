using Verity.Rbac.Model;

namespace Verity.Rbac.Authorization;

/// <summary>
/// An authenticated identity as the authorizer sees it (k8s.io/apiserver/pkg/authentication/user.Info):
/// a name and groups. Build one with <see cref="Impersonate"/> to get what <c>kubectl --as</c> gets
/// through the API server, service account groups and <c>system:authenticated</c> included.
/// </summary>
public sealed record UserInfo(string Name, IReadOnlyList<string> Groups)
{
    /// <summary>Members are allowed everything before any authorizer runs (the privileged-group
    /// authorizer in pkg/kubeapiserver/authorizer/config.go, user.SystemPrivilegedGroup).</summary>
    public const string SystemMasters = "system:masters";
    public const string AllAuthenticated = "system:authenticated";
    public const string AllUnauthenticated = "system:unauthenticated";
    public const string Anonymous = "system:anonymous";
    /// <summary>Every service account is in this group (serviceaccount.AllServiceAccountsGroup).</summary>
    public const string AllServiceAccounts = "system:serviceaccounts";
    /// <summary>Prefix of the per-namespace service account group (serviceaccount.MakeNamespaceGroupName).</summary>
    public const string ServiceAccountNamespaceGroupPrefix = "system:serviceaccounts:";

    public bool IsSystemMaster => Groups.Contains(SystemMasters);

    /// <summary>
    /// The identity <c>kubectl --as NAME --as-group G…</c> acts as, as the impersonation filter
    /// (k8s.io/apiserver/pkg/endpoints/filters/impersonation.go) builds it: a name of the form
    /// <c>system:serviceaccount:NS:SA</c> is that service account and, when no groups are given, gets
    /// <c>system:serviceaccounts</c> and <c>system:serviceaccounts:NS</c>; then every user but
    /// <c>system:anonymous</c> gets <c>system:authenticated</c> (unless a group given is already
    /// system:authenticated or system:unauthenticated), and anonymous gets <c>system:unauthenticated</c>.
    /// </summary>
    public static UserInfo Impersonate(string name, IReadOnlyList<string>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var result = (groups ?? []).ToList();
        if (result.Count == 0 && ParseServiceAccount(name) is var (ns, _))
            result.AddRange([AllServiceAccounts, ServiceAccountNamespaceGroupPrefix + ns]);
        if (name != Anonymous)
        {
            if (!result.Contains(AllAuthenticated) && !result.Contains(AllUnauthenticated)) result.Add(AllAuthenticated);
        }
        else if (!result.Contains(AllUnauthenticated)) result.Add(AllUnauthenticated);
        return new UserInfo(name, result.AsReadOnly());
    }

    /// <summary>A service account's identity: its user name and groups (and system:authenticated).</summary>
    public static UserInfo ServiceAccount(string ns, string name) => Impersonate(Subject.ServiceAccount(ns, name).UserName!);

    /// <summary>
    /// The identity whose permissions are a subject's: a user or service account impersonated as above
    /// (so what system:authenticated is granted counts); for a group, a nameless member of only that
    /// group, so exactly what is bound to the group.
    /// </summary>
    public static UserInfo For(Subject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.Kind == SubjectKind.Group ? new UserInfo("", [subject.Name]) : Impersonate(subject.UserName!);
    }

    /// <summary>Splits <c>system:serviceaccount:NS:NAME</c> like serviceaccount.SplitUsername (exactly two
    /// non-empty parts after the prefix); null for any other name.</summary>
    public static (string Namespace, string Name)? ParseServiceAccount(string userName)
    {
        if (!userName.StartsWith(Subject.ServiceAccountUserPrefix, StringComparison.Ordinal)) return null;
        var parts = userName[Subject.ServiceAccountUserPrefix.Length..].Split(':');
        return parts is [{ Length: > 0 } ns, { Length: > 0 } name] ? (ns, name) : null;
    }
}
