using System.Text.Json;
using Verity.Core.Model;

namespace Verity.Rbac.Audit;

/// <summary>
/// Turns one JSON value into an <see cref="AuditEvent"/> or a diagnostic saying which field is wrong.
/// Required: <c>auditID</c>, <c>stage</c>, <c>verb</c>, and <c>objectRef.resource</c> for a resource request or
/// <c>requestURI</c> for a non-resource request. <c>kind</c> and <c>apiVersion</c> may be absent (some
/// exporters drop them) but, when present, must be <c>Event</c> and <c>audit.k8s.io/*</c>.
/// Unknown fields are ignored, as the API server's decoder would.
/// </summary>
internal static class AuditEventParser
{
    private const string AuditGroupPrefix = "audit.k8s.io/";

    public static AuditLogEntry Parse(JsonElement value, SourceLocation source)
    {
        if (value.ValueKind != JsonValueKind.Object)
            return Error(AuditDiagnosticCodes.MalformedLine, $"not a JSON object but {Describe(value.ValueKind)}", source);
        var errors = new List<string>();
        var kind = String(value, "kind", errors);
        if (kind is not null && kind != "Event") errors.Add($"kind is \"{kind}\", expected \"Event\"");
        var apiVersion = String(value, "apiVersion", errors);
        if (apiVersion is not null && !apiVersion.StartsWith(AuditGroupPrefix, StringComparison.Ordinal))
            errors.Add($"apiVersion is \"{apiVersion}\", expected audit.k8s.io/v1");
        // Another kind of object (a Status, a Pod): its other fields are not an event's, so say only that.
        if (errors.Count > 0) return Error(AuditDiagnosticCodes.InvalidEvent, $"not an audit event: {string.Join("; ", errors)}", source);
        var auditId = Required(value, "auditID", errors);
        var stageText = Required(value, "stage", errors);
        AuditStage? stage = null;
        if (stageText is not null)
        {
            stage = stageText switch
            {
                "RequestReceived" => AuditStage.RequestReceived,
                "ResponseStarted" => AuditStage.ResponseStarted,
                "ResponseComplete" => AuditStage.ResponseComplete,
                "Panic" => AuditStage.Panic,
                _ => null,
            };
            if (stage is null) errors.Add($"stage \"{stageText}\" is not one of RequestReceived, ResponseStarted, ResponseComplete, Panic");
        }
        var verb = Required(value, "verb", errors);
        var user = User(value, "user", errors) ?? new AuditUser { Username = "" };
        var impersonated = User(value, "impersonatedUser", errors);
        var objectRef = ObjectRef(value, errors);
        var requestUri = String(value, "requestURI", errors) ?? "";
        var hasObjectRef = value.TryGetProperty("objectRef", out var rawRef) && rawRef.ValueKind != JsonValueKind.Null;
        if (!hasObjectRef && requestUri.Length == 0)
            errors.Add("requestURI is missing (needed for a request without objectRef)");
        var code = ResponseCode(value, errors);
        if (errors.Count > 0)
        {
            var id = auditId is null ? "" : $"event {auditId}: ";
            return Error(AuditDiagnosticCodes.InvalidEvent, id + string.Join("; ", errors), source);
        }
        return AuditLogEntry.Of(new AuditEvent
        {
            AuditId = auditId!,
            Stage = stage!.Value,
            Verb = verb!,
            User = user,
            ImpersonatedUser = impersonated,
            ObjectRef = objectRef,
            RequestUri = requestUri,
            ResponseCode = code,
            Source = source,
        });
    }

    private static AuditLogEntry Error(string code, string message, SourceLocation source) =>
        AuditLogEntry.Of(new Diagnostic(DiagnosticLevel.Error, code, message, source));

    private static AuditUser? User(JsonElement value, string field, List<string> errors)
    {
        if (!value.TryGetProperty(field, out var user) || user.ValueKind == JsonValueKind.Null) return null;
        if (user.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{field} must be an object");
            return null;
        }
        var username = String(user, "username", errors, field) ?? "";
        var groups = new List<string>();
        if (user.TryGetProperty("groups", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var group in list.EnumerateArray())
                if (group.ValueKind == JsonValueKind.String) groups.Add(group.GetString()!);
        }
        return new AuditUser { Username = username, Groups = groups };
    }

    private static AuditObjectRef? ObjectRef(JsonElement value, List<string> errors)
    {
        if (!value.TryGetProperty("objectRef", out var objectRef) || objectRef.ValueKind == JsonValueKind.Null) return null;
        if (objectRef.ValueKind != JsonValueKind.Object)
        {
            errors.Add("objectRef must be an object");
            return null;
        }
        var resource = Required(objectRef, "resource", errors, "objectRef");
        if (resource is null) return null;
        return new AuditObjectRef
        {
            Resource = resource,
            Namespace = String(objectRef, "namespace", errors, "objectRef") ?? "",
            Name = String(objectRef, "name", errors, "objectRef") ?? "",
            ApiGroup = String(objectRef, "apiGroup", errors, "objectRef") ?? "",
            ApiVersion = String(objectRef, "apiVersion", errors, "objectRef") ?? "",
            Subresource = String(objectRef, "subresource", errors, "objectRef") ?? "",
        };
    }

    private static int? ResponseCode(JsonElement value, List<string> errors)
    {
        if (!value.TryGetProperty("responseStatus", out var status) || status.ValueKind == JsonValueKind.Null) return null;
        if (status.ValueKind != JsonValueKind.Object)
        {
            errors.Add("responseStatus must be an object");
            return null;
        }
        if (!status.TryGetProperty("code", out var code) || code.ValueKind == JsonValueKind.Null) return null;
        if (code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out var number)) return number;
        errors.Add("responseStatus.code must be an integer");
        return null;
    }

    /// <summary>A string field that must be present and non-empty.</summary>
    private static string? Required(JsonElement value, string field, List<string> errors, string? parent = null)
    {
        var path = parent is null ? field : $"{parent}.{field}";
        if (!value.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            errors.Add($"{path} is missing");
            return null;
        }
        var text = String(value, field, errors, parent);
        if (text is { Length: 0 }) errors.Add($"{path} is empty");
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>The string value of <paramref name="field"/>, null when absent or JSON null; a value of
    /// another type is an error.</summary>
    private static string? String(JsonElement value, string field, List<string> errors, string? parent = null)
    {
        if (!value.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null) return null;
        if (element.ValueKind == JsonValueKind.String) return element.GetString();
        errors.Add($"{(parent is null ? field : $"{parent}.{field}")} must be a string, not {Describe(element.ValueKind)}");
        return null;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
