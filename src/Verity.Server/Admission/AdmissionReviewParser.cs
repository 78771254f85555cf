using System.Text.Json;

namespace Verity.Server.Admission;

/// <summary>
/// Reads an admission.k8s.io/v1 <c>AdmissionReview</c> request body
/// (https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#request). Reports every
/// problem (bad JSON, wrong apiVersion/kind, missing request, uid, kind or operation, fields of the wrong type) instead of
/// guessing: a review it cannot read must never be answered <c>allowed</c>.
/// </summary>
public static class AdmissionReviewParser
{
    public const string ApiVersion = "admission.k8s.io/v1";

    public static AdmissionReviewParseResult Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return new(null, [$"body is not valid JSON: {e.Message}"]);
        }
        using (document)
        {
            var problems = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return new(null, [$"body must be a JSON object (an AdmissionReview), not {Describe(root)}"]);
            var apiVersion = String(root, "apiVersion", "apiVersion", problems, required: true);
            if (apiVersion is not null && apiVersion != ApiVersion) problems.Add($"apiVersion must be \"{ApiVersion}\", not \"{apiVersion}\"");
            var kind = String(root, "kind", "kind", problems, required: true);
            if (kind is not null && kind != "AdmissionReview") problems.Add($"kind must be \"AdmissionReview\", not \"{kind}\"");
            if (!root.TryGetProperty("request", out var request) || request.ValueKind == JsonValueKind.Null)
            {
                problems.Add("request is missing");
                return new(null, problems);
            }
            if (request.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"request must be an object, not {Describe(request)}");
                return new(null, problems);
            }
            var uid = String(request, "uid", "request.uid", problems, required: true);
            if (uid is { Length: 0 }) problems.Add("request.uid must not be empty");
            var gvk = Kind(request, problems);
            var operation = Operation(request, problems);
            var info = new AdmissionRequestInfo
            {
                Uid = uid ?? "",
                Kind = gvk ?? default,
                Operation = operation ?? AdmissionOperation.Create,
                Namespace = String(request, "namespace", "request.namespace", problems) ?? "",
                Name = String(request, "name", "request.name", problems) ?? "",
                SubResource = String(request, "subResource", "request.subResource", problems) ?? "",
                Resource = Resource(request, problems),
                DryRun = Bool(request, "dryRun", "request.dryRun", problems),
                UserInfo = UserInfo(request, problems),
                Object = ObjectOrNull(request, "object", "request.object", problems),
                OldObject = ObjectOrNull(request, "oldObject", "request.oldObject", problems),
            };
            return problems.Count == 0 ? new(info, []) : new(null, problems);
        }
    }

    /// <summary><c>request.resource.resource</c> (the plural, e.g. <c>deployments</c>); "" when the request has no resource.</summary>
    private static string Resource(JsonElement request, List<string> problems)
    {
        if (!request.TryGetProperty("resource", out var resource) || resource.ValueKind == JsonValueKind.Null) return "";
        if (resource.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"request.resource must be an object, not {Describe(resource)}");
            return "";
        }
        return String(resource, "resource", "request.resource.resource", problems) ?? "";
    }

    private static GroupVersionKind? Kind(JsonElement request, List<string> problems)
    {
        if (!request.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.Object)
        {
            problems.Add("request.kind is missing or not an object");
            return null;
        }
        var group = String(kind, "group", "request.kind.group", problems) ?? "";
        var version = String(kind, "version", "request.kind.version", problems, required: true) ?? "";
        var name = String(kind, "kind", "request.kind.kind", problems, required: true);
        if (name is { Length: 0 }) problems.Add("request.kind.kind must not be empty");
        return name is null ? null : new GroupVersionKind(group, version, name);
    }

    private static AdmissionOperation? Operation(JsonElement request, List<string> problems)
    {
        AdmissionOperation? result = String(request, "operation", "request.operation", problems, required: true) switch
        {
            null => null,
            "CREATE" => AdmissionOperation.Create,
            "UPDATE" => AdmissionOperation.Update,
            "DELETE" => AdmissionOperation.Delete,
            "CONNECT" => AdmissionOperation.Connect,
            var other => Problem(problems, $"request.operation must be CREATE, UPDATE, DELETE or CONNECT, not \"{other}\""),
        };
        return result;
    }

    private static AdmissionOperation? Problem(List<string> problems, string message)
    {
        problems.Add(message);
        return null;
    }

    private static AdmissionUserInfo UserInfo(JsonElement request, List<string> problems)
    {
        if (!request.TryGetProperty("userInfo", out var user) || user.ValueKind == JsonValueKind.Null) return new();
        if (user.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"request.userInfo must be an object, not {Describe(user)}");
            return new();
        }
        var groups = new List<string>();
        if (user.TryGetProperty("groups", out var array) && array.ValueKind != JsonValueKind.Null)
        {
            if (array.ValueKind != JsonValueKind.Array || array.EnumerateArray().Any(g => g.ValueKind != JsonValueKind.String))
                problems.Add("request.userInfo.groups must be an array of strings");
            else groups.AddRange(array.EnumerateArray().Select(g => g.GetString()!));
        }
        return new AdmissionUserInfo
        {
            Username = String(user, "username", "request.userInfo.username", problems) ?? "",
            Uid = String(user, "uid", "request.userInfo.uid", problems) ?? "",
            Groups = groups,
        };
    }

    private static string? String(JsonElement parent, string name, string path, List<string> problems, bool required = false)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) problems.Add($"{path} is missing");
            return null;
        }
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        problems.Add($"{path} must be a string, not {Describe(value)}");
        return null;
    }

    private static bool Bool(JsonElement parent, string name, string path, List<string> problems)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return false;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        problems.Add($"{path} must be a boolean, not {Describe(value)}");
        return false;
    }

    private static JsonElement? ObjectOrNull(JsonElement parent, string name, string path, List<string> problems)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Object) return value.Clone();
        problems.Add($"{path} must be an object, not {Describe(value)}");
        return null;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };
}
