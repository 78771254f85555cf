using Verity.Core.Model;

namespace Verity.Rbac.Audit;

/// <summary>
/// One distinct audited request (one <c>auditID</c>) as the authorizer saw it: who, which verb, on what.
/// For a resource request <see cref="Resource"/> is set (with its subresource as <c>pods/log</c>);
/// for a non-resource request <see cref="NonResourceUrl"/> is the request path without its query string.
/// </summary>
public sealed record AuditRequest
{
    public required string AuditId { get; init; }
    public required string Username { get; init; }
    public required string Verb { get; init; }
    public string ApiGroup { get; init; } = "";
    /// <summary><c>resource</c> or <c>resource/subresource</c>, as RBAC rules name it; null for a non-resource URL.</summary>
    public string? Resource { get; init; }
    /// <summary>Empty for a cluster-wide request.</summary>
    public string Namespace { get; init; } = "";
    /// <summary>Empty when the request names no object (list, watch, create, deletecollection).</summary>
    public string Name { get; init; } = "";
    public string? NonResourceUrl { get; init; }
    public required int ResponseCode { get; init; }
    public required SourceLocation Source { get; init; }

    /// <summary><c>bob list pods in namespace default</c>, <c>bob get /healthz</c>, <c>bob get nodes/node-1</c>.</summary>
    public override string ToString()
    {
        if (NonResourceUrl is not null) return $"{Username} {Verb} {NonResourceUrl}";
        var group = ApiGroup.Length == 0 ? "" : $".{ApiGroup}";
        var slash = Resource!.IndexOf('/', StringComparison.Ordinal);
        var what = slash < 0
            ? $"{Resource}{group}{(Name.Length == 0 ? "" : $" {Name}")}"
            : $"{Resource[..slash]}{group}{(Name.Length == 0 ? "" : $" {Name}")} {Resource[(slash + 1)..]}";
        var where = Namespace.Length == 0 ? "" : $" in namespace {Namespace}";
        return $"{Username} {Verb} {what}{where}";
    }
}
