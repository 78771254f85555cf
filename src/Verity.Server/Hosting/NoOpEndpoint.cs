using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Verity.Server.Admission;

namespace Verity.Server.Hosting;

/// <summary>
/// <c>POST /noop</c>, benchmark only (<see cref="AdmissionServerOptions.NoOpEndpoint"/>, off by default): reads the body
/// (bounded like <c>/validate</c>), takes <c>request.uid</c> and answers a fixed <c>allowed: true</c> AdmissionReview for
/// it. Nothing is evaluated; no metrics beyond the request counter. A body without a readable uid gets 400.
/// </summary>
internal sealed class NoOpEndpoint(AdmissionServerOptions options)
{
    private static readonly AdmissionDecision Allowed = new() { Outcome = AdmissionOutcome.Allowed, Code = 200 };

    public async Task HandleAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context.Request.Body, options.MaxRequestBodyBytes, context.RequestAborted);
        var uid = body is null ? null : Uid(body);
        if (uid is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(AdmissionReviewWriter.Write(uid, Allowed), context.RequestAborted);
    }

    private static string? Uid(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("request", out var request) && request.ValueKind == JsonValueKind.Object
                && request.TryGetProperty("uid", out var uid) && uid.ValueKind == JsonValueKind.String
                ? uid.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
