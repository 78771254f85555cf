using System.Text.Json;

namespace Verity.Server.Admission;

/// <summary>
/// The part of an admission.k8s.io/v1 <c>AdmissionRequest</c> Verity decides on, parsed and validated by
/// <see cref="AdmissionReviewParser"/>. <see cref="Object"/> and <see cref="OldObject"/> are detached JSON trees (null
/// when absent: <c>object</c> is null on DELETE, <c>oldObject</c> outside UPDATE and DELETE).
/// </summary>
public sealed record AdmissionRequestInfo
{
    public required string Uid { get; init; }
    public required GroupVersionKind Kind { get; init; }
    public required AdmissionOperation Operation { get; init; }
    public string Namespace { get; init; } = "";
    public string Name { get; init; } = "";

    /// <summary><c>request.subResource</c>, e.g. <c>status</c>, <c>ephemeralcontainers</c>; empty for the main resource.</summary>
    public string SubResource { get; init; } = "";

    /// <summary><c>request.resource.resource</c>, the plural (<c>deployments</c>); "" when the review did not send it.</summary>
    public string Resource { get; init; } = "";

    /// <summary>The API server will not persist the result (<c>request.dryRun</c>). Verity has no side effects, so the answer is the same.</summary>
    public bool DryRun { get; init; }

    public AdmissionUserInfo UserInfo { get; init; } = new();
    public JsonElement? Object { get; init; }
    public JsonElement? OldObject { get; init; }
}
