namespace Verity.Admission.Vap;

/// <summary>The requesting user as <c>request.userInfo</c> shows it (authentication.k8s.io/v1 UserInfo).</summary>
public sealed record VapUserInfo(string Username, string Uid, IReadOnlyList<string> Groups)
{
    /// <summary>What offline evaluation uses when no user is given: an authenticated user with no name.</summary>
    public static VapUserInfo Anonymous { get; } = new("", "", ["system:authenticated"]);
}
