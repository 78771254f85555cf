using System.Text.Encodings.Web;
using System.Text.Json;

namespace Verity.Server.Admission;

/// <summary>
/// Writes the admission.k8s.io/v1 <c>AdmissionReview</c> response for a decision: <c>uid</c> echoed, <c>allowed</c>,
/// <c>status</c> (code, message, and <c>status: Failure</c> with a reason when not allowed) when there is something to say,
/// <c>warnings</c>, <c>auditAnnotations</c>, and a base64 <c>JSONPatch</c> when a patch is given and not empty.
/// </summary>
public static class AdmissionReviewWriter
{
    /// <summary>Quotes and non-ASCII stay readable (<c>"</c> is <c>\"</c>, not <c>\u0022</c>): the output is JSON for the API server, never HTML.</summary>
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(string uid, AdmissionDecision decision, IReadOnlyList<JsonPatchOperation>? patch = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("apiVersion", AdmissionReviewParser.ApiVersion);
            json.WriteString("kind", "AdmissionReview");
            json.WriteStartObject("response");
            json.WriteString("uid", uid);
            json.WriteBoolean("allowed", decision.Allowed);
            if (!decision.Allowed || decision.Message.Length > 0)
            {
                json.WriteStartObject("status");
                json.WriteNumber("code", decision.Code);
                if (!decision.Allowed)
                {
                    json.WriteString("status", "Failure");
                    json.WriteString("reason", decision.Reason ?? (decision.Outcome == AdmissionOutcome.Denied ? "Forbidden" : decision.Code switch { 400 => "BadRequest", 504 => "Timeout", _ => "InternalError" }));
                }
                json.WriteString("message", decision.Message);
                json.WriteEndObject();
            }
            if (decision.Warnings.Count > 0)
            {
                json.WriteStartArray("warnings");
                foreach (var warning in decision.Warnings) json.WriteStringValue(warning);
                json.WriteEndArray();
            }
            if (decision.AuditAnnotations.Count > 0)
            {
                json.WriteStartObject("auditAnnotations");
                foreach (var (key, value) in decision.AuditAnnotations.OrderBy(a => a.Key, StringComparer.Ordinal)) json.WriteString(key, value);
                json.WriteEndObject();
            }
            if (patch is { Count: > 0 })
            {
                json.WriteString("patchType", "JSONPatch");
                json.WriteBase64String("patch", Patch(patch));
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The RFC 6902 document: <c>[{"op":"add","path":"/spec/…","value":…}]</c>.</summary>
    public static byte[] Patch(IReadOnlyList<JsonPatchOperation> patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartArray();
            foreach (var operation in patch)
            {
                json.WriteStartObject();
                json.WriteString("op", operation.Op);
                json.WriteString("path", operation.Path);
                json.WritePropertyName("value");
                if (operation.Value is null) json.WriteNullValue();
                else operation.Value.WriteTo(json);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return buffer.ToArray();
    }
}
