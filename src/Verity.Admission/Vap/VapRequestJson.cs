using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verity.Admission.Vap;

/// <summary>
/// The CEL variable <c>request</c>: an <c>admission.k8s.io/v1</c> AdmissionRequest built from the attributes, as
/// <c>cel.CreateAdmissionRequest</c> builds it (kind, resource, subResource, requestKind, requestResource,
/// requestSubResource, name, namespace, operation, userInfo, dryRun; empty optional strings omitted, as JSON omitempty does).
/// </summary>
internal static class VapRequestJson
{
    public static JsonElement Build(VapRequest request)
    {
        var kind = new JsonObject { ["group"] = request.Group, ["version"] = request.Version, ["kind"] = request.Kind };
        var resource = new JsonObject { ["group"] = request.Group, ["version"] = request.Version, ["resource"] = request.Resource };
        var json = new JsonObject
        {
            ["kind"] = kind,
            ["resource"] = resource,
            ["requestKind"] = kind.DeepClone(),
            ["requestResource"] = resource.DeepClone(),
            ["operation"] = request.Operation,
            ["userInfo"] = new JsonObject
            {
                ["username"] = request.UserInfo.Username,
                ["uid"] = request.UserInfo.Uid,
                ["groups"] = new JsonArray([.. request.UserInfo.Groups.Select(g => (JsonNode?)JsonValue.Create(g))]),
            },
            ["dryRun"] = request.DryRun,
        };
        if (request.SubResource.Length > 0)
        {
            json["subResource"] = request.SubResource;
            json["requestSubResource"] = request.SubResource;
        }
        if (request.Name.Length > 0) json["name"] = request.Name;
        var ns = request.IsNamespace ? request.Name : request.Namespace;
        if (ns.Length > 0) json["namespace"] = ns;
        return JsonSerializer.SerializeToElement(json);
    }
}
