namespace Verity.Rbac.Audit;

/// <summary>
/// The <c>objectRef</c> of an audit event: present exactly for resource requests
/// (the API server's RequestInfo.IsResourceRequest). Absent strings are empty; an empty
/// <see cref="ApiGroup"/> is the core group.
/// </summary>
public sealed record AuditObjectRef
{
    public required string Resource { get; init; }
    public string Namespace { get; init; } = "";
    public string Name { get; init; } = "";
    public string ApiGroup { get; init; } = "";
    public string ApiVersion { get; init; } = "";
    public string Subresource { get; init; } = "";
}
