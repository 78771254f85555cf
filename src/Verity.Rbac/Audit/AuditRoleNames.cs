using System.Security.Cryptography;
using System.Text;
using Verity.Rbac.Model;

namespace Verity.Rbac.Audit;

/// <summary>
/// The deterministic naming scheme of generated roles and bindings (a role and its binding share the name):
/// <list type="bullet">
/// <item>service account <c>system:serviceaccount:NS:NAME</c> → <c>verity:audit:sa:NS:NAME</c>;</item>
/// <item>any other user → <c>verity:audit:user:U</c>, where U is the user name lower-cased with every character
/// other than <c>a-z 0-9 . - :</c> replaced by <c>-</c> and cut to 100 characters; when that changed the name,
/// <c>-</c> and the first 8 hex digits of the SHA-256 of the original user name are appended, so two users
/// never share a name.</item>
/// </list>
/// RBAC object names only have to be valid path segments (no <c>/</c> or <c>%</c>, not <c>.</c> or <c>..</c>;
/// ValidateRBACName in pkg/apis/rbac/validation), which every generated name is.
/// </summary>
internal static class AuditRoleNames
{
    public const string Prefix = "verity:audit:";
    private const int MaxUserLength = 100;

    public static string For(Subject subject) => subject.Kind == SubjectKind.ServiceAccount
        ? $"{Prefix}sa:{subject.Namespace}:{subject.Name}"
        : $"{Prefix}user:{Sanitise(subject.Name)}";

    /// <summary>The binding subject of a user name: a ServiceAccount for <c>system:serviceaccount:NS:NAME</c>
    /// (serviceaccount.SplitUsername: exactly two non-empty parts after the prefix), otherwise a User.</summary>
    public static Subject SubjectOf(string username)
    {
        if (username.StartsWith(Subject.ServiceAccountUserPrefix, StringComparison.Ordinal))
        {
            var parts = username[Subject.ServiceAccountUserPrefix.Length..].Split(':');
            if (parts is [{ Length: > 0 } ns, { Length: > 0 } name]) return Subject.ServiceAccount(ns, name);
        }
        return Subject.User(username);
    }

    internal static string Sanitise(string username)
    {
        var text = new StringBuilder(username.Length);
        foreach (var c in username.ToLowerInvariant())
            text.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or ':' ? c : '-');
        if (text.Length > MaxUserLength) text.Length = MaxUserLength;
        var sanitised = text.ToString();
        if (sanitised == username && sanitised is not ("." or "..")) return sanitised;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(username));
        return $"{sanitised}-{Convert.ToHexStringLower(hash)[..8]}";
    }
}
