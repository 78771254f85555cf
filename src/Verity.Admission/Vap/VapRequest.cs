using System.Text.Json;

namespace Verity.Admission.Vap;

/// <summary>
/// The admission attributes a ValidatingAdmissionPolicy sees (k8s.io/apiserver admission.Attributes, as the CEL variable
/// <c>request</c> renders them): what is being done (<see cref="Operation"/>) to which resource, by whom, with the object
/// before and after. Built by the webhook from an AdmissionReview and by <c>admission test</c> from a manifest.
/// </summary>
public sealed record VapRequest
{
    /// <summary><c>CREATE</c>, <c>UPDATE</c>, <c>DELETE</c> or <c>CONNECT</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>API group of the object ("" for the core group).</summary>
    public required string Group { get; init; }

    /// <summary>API version within the group (<c>v1</c>).</summary>
    public required string Version { get; init; }

    /// <summary>Kind of the object (<c>Deployment</c>).</summary>
    public required string Kind { get; init; }

    /// <summary>Plural resource (<c>deployments</c>).</summary>
    public required string Resource { get; init; }

    /// <summary>Subresource (<c>status</c>, <c>ephemeralcontainers</c>), or "" for the main resource.</summary>
    public string SubResource { get; init; } = "";

    /// <summary>Name of the object; may be "" on CREATE with generateName.</summary>
    public string Name { get; init; } = "";

    /// <summary>Namespace of the request; "" for cluster-scoped objects (and for a Namespace object itself).</summary>
    public string Namespace { get; init; } = "";

    /// <summary>The object as it would be stored (null on DELETE).</summary>
    public JsonElement? Object { get; init; }

    /// <summary>The object as it is (UPDATE and DELETE).</summary>
    public JsonElement? OldObject { get; init; }

    /// <summary>Who sends the request.</summary>
    public VapUserInfo UserInfo { get; init; } = VapUserInfo.Anonymous;

    public bool DryRun { get; init; }

    /// <summary>True for a Namespace object of the core group (its own labels are its namespace's labels).</summary>
    public bool IsNamespace => Group.Length == 0 && Kind == "Namespace";
}
