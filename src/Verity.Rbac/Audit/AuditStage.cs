namespace Verity.Rbac.Audit;

/// <summary>
/// The stage at which an audit event was emitted (audit.k8s.io/v1 <c>Stage</c>,
/// staging/src/k8s.io/apiserver/pkg/apis/audit/types.go). Declared in the order a request passes
/// through them, so a larger value is a later stage; <see cref="Panic"/> and
/// <see cref="ResponseComplete"/> are both final.
/// </summary>
public enum AuditStage
{
    /// <summary>Emitted as soon as the audit handler receives the request, before authorization: no response status.</summary>
    RequestReceived,
    /// <summary>Emitted once the response headers are sent (long-running requests: watch, exec, attach, port-forward).</summary>
    ResponseStarted,
    /// <summary>The response body is complete.</summary>
    ResponseComplete,
    /// <summary>Emitted when a panic occurred while the request was handled.</summary>
    Panic,
}
