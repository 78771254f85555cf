using Verity.Core.Model;

namespace Verity.Rbac.Audit;

/// <summary>
/// One audit.k8s.io/v1 (or v1beta1) <c>Event</c>, reduced to the fields RBAC generation reads
/// (https://kubernetes.io/docs/reference/config-api/apiserver-audit.v1/#audit-k8s-io-v1-Event).
/// Request and response bodies are not kept.
/// </summary>
public sealed record AuditEvent
{
    public required string AuditId { get; init; }
    public required AuditStage Stage { get; init; }
    /// <summary>The request verb as the authorizer saw it (RequestInfo.Verb): get, list, watch, create,
    /// update, patch, delete, deletecollection for resources; the lower-case HTTP method for non-resource URLs.</summary>
    public required string Verb { get; init; }
    public required AuditUser User { get; init; }
    public AuditUser? ImpersonatedUser { get; init; }
    /// <summary>Null for a non-resource request (discovery, /healthz, /metrics, ...).</summary>
    public AuditObjectRef? ObjectRef { get; init; }
    public string RequestUri { get; init; } = "";
    /// <summary><c>responseStatus.code</c>; null when the event carries no response status (RequestReceived).</summary>
    public int? ResponseCode { get; init; }
    public required SourceLocation Source { get; init; }

    /// <summary>The user the request was authorized as: the impersonated user when there is one
    /// (the authorizer checks the impersonated identity), otherwise the authenticated user.</summary>
    public string EffectiveUsername =>
        ImpersonatedUser is { Username.Length: > 0 } impersonated ? impersonated.Username : User.Username;
}
