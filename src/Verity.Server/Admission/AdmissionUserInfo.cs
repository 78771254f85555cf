namespace Verity.Server.Admission;

/// <summary>Who sent the request to the API server (<c>request.userInfo</c>); kept for messages and future exemptions.</summary>
public sealed record AdmissionUserInfo
{
    public string Username { get; init; } = "";
    public string Uid { get; init; } = "";
    public IReadOnlyList<string> Groups { get; init; } = [];
}
