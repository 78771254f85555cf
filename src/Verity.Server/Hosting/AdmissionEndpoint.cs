using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Verity.Server.Admission;

namespace Verity.Server.Hosting;

/// <summary>
/// <c>POST /validate</c> and <c>POST /mutate</c>: the HTTP edge around <see cref="AdmissionDecider"/> and
/// <see cref="AdmissionMutator"/>. Answers 415 for a body that is not JSON, 413 above the size limit, 400 for a review it
/// cannot read (with every problem; never an <c>allowed</c> answer), 408 when the body does not arrive within the time
/// budget, and otherwise 200 with an AdmissionReview — a denial (code 504) when the decision misses the budget, and a
/// denial (code 500) when deciding fails: the webhook fails closed.
/// </summary>
internal sealed class AdmissionEndpoint(AdmissionServerOptions options, AdmissionMetrics metrics)
{
    public Task ValidateAsync(HttpContext context) =>
        HandleAsync(context, request => (options.Decide(request, options.Admission), null));

    public Task MutateAsync(HttpContext context) =>
        HandleAsync(context, request =>
        {
            var result = AdmissionMutator.Mutate(request, options.Admission.Mutation);
            return (result.Decision, result.Patch);
        });

    private async Task HandleAsync(HttpContext context, Func<AdmissionRequestInfo, (AdmissionDecision, IReadOnlyList<JsonPatchOperation>?)> decide)
    {
        var http = context.Request;
        if (!http.HasJsonContentType())
        {
            await ProblemAsync(context, StatusCodes.Status415UnsupportedMediaType, $"Content-Type must be application/json, not \"{http.ContentType}\"");
            return;
        }
        if (http.ContentLength > options.MaxRequestBodyBytes)
        {
            await ProblemAsync(context, StatusCodes.Status413PayloadTooLarge, TooLarge());
            return;
        }
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        budget.CancelAfter(options.RequestTimeout);
        byte[]? body;
        try
        {
            body = await RequestBody.ReadAsync(http.Body, options.MaxRequestBodyBytes, budget.Token);
        }
        catch (BadHttpRequestException e)
        {
            await ProblemAsync(context, e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge() : e.Message);
            return;
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            await ProblemAsync(context, StatusCodes.Status408RequestTimeout, $"the request body did not arrive within {options.RequestTimeout.TotalMilliseconds:0} ms");
            return;
        }
        if (body is null)
        {
            await ProblemAsync(context, StatusCodes.Status413PayloadTooLarge, TooLarge());
            return;
        }

        var parsed = AdmissionReviewParser.Parse(body);
        if (!parsed.Ok)
        {
            await ProblemAsync(context, StatusCodes.Status400BadRequest, "malformed AdmissionReview: " + string.Join("; ", parsed.Problems), parsed.Problems);
            return;
        }
        var request = parsed.Request!;
        AdmissionDecision decision;
        IReadOnlyList<JsonPatchOperation>? patch = null;
        try
        {
            (decision, patch) = await Task.Run(() => decide(request), budget.Token).WaitAsync(budget.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            decision = Denial(504, $"verity: no decision within the time budget of {options.RequestTimeout.TotalMilliseconds:0} ms; denied (the webhook fails closed)", "timeout");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            decision = Denial(500, $"verity: internal error while deciding ({e.GetType().Name}: {e.Message}); denied (the webhook fails closed)", "error");
        }
        metrics.Decision(decision);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(AdmissionReviewWriter.Write(request.Uid, decision, patch), context.RequestAborted);
    }

    private string TooLarge() => $"request body is larger than the limit of {options.MaxRequestBodyBytes} bytes";

    private static AdmissionDecision Denial(int code, string message, string action) =>
        new() { Outcome = AdmissionOutcome.Error, Code = code, Message = message, Actions = [new("server", action)] };

    /// <summary>A non-200 answer: <c>{"error": "...", "problems": [...]}</c>. The API server treats it as a failed call (its failurePolicy applies).</summary>
    private static async Task ProblemAsync(HttpContext context, int status, string message, IReadOnlyList<string>? problems = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("error", message);
            json.WriteStartArray("problems");
            foreach (var problem in problems ?? [message]) json.WriteStringValue(problem);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted);
    }
}
