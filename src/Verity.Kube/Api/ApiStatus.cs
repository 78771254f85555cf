using System.Text;
using System.Text.Json;

namespace Verity.Kube.Api;

/// <summary>
/// Reads the server's explanation of a failed request: the <c>message</c> of a <c>Status</c> object
/// (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/), else the body text
/// (e.g. <c>404 page not found</c> for an API group the server does not serve), else the reason phrase.
/// </summary>
internal static class ApiStatus
{
    private const int MaxText = 300;

    public static string Message(ApiResponse response)
    {
        try
        {
            using var json = JsonDocument.Parse(response.Body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                && message.GetString() is { Length: > 0 } text)
                return text;
        }
        catch (JsonException)
        {
            // Not JSON: fall back to the body text.
        }
        var body = string.Join(' ', Encoding.UTF8.GetString(response.Body).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (body.Length > MaxText) body = body[..MaxText] + "…";
        return body.Length > 0 ? body : response.Reason ?? $"HTTP {response.Status}";
    }
}
