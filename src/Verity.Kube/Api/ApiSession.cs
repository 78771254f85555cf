using System.Net.Http;
using System.Net.Http.Headers;
using k8s;

namespace Verity.Kube.Api;

/// <summary>
/// One authenticated connection to an API server, made by KubernetesClient from a kubeconfig context or the
/// in-cluster service account: its <see cref="HttpClient"/> carries the TLS settings (CA, client certificate,
/// skip-verify) and its credentials add the bearer token or basic auth (running exec plugins if needed).
/// Requests return the raw JSON so that live objects go through the same parser as files. GET only.
/// </summary>
internal sealed class ApiSession(Kubernetes client, string host, string identity, TimeSpan timeout) : IDisposable
{
    private static readonly ProductInfoHeaderValue UserAgent = new("verity", "1.0");

    /// <summary>The server URL as configured, without a trailing slash (<c>https://10.0.0.1:6443</c>).</summary>
    public string Server { get; } = host.TrimEnd('/');

    /// <summary>Who the session authenticates as, for messages: <c>context "prod"</c> or the in-cluster service account.</summary>
    public string Identity { get; } = identity;

    /// <summary>The absolute URL of an API path, also the source name of the objects read from it.</summary>
    public string Url(string path) => Server + path;

    /// <summary>GETs <paramref name="path"/> with <paramref name="query"/> (already encoded, with its '?', or "").</summary>
    /// <remarks>Throws only <see cref="OperationCanceledException"/>, and only when <paramref name="ct"/> is cancelled.</remarks>
    public async Task<ApiResponse> GetAsync(string path, string query, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(path) + query);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(UserAgent);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            if (client.Credentials is { } credentials) await credentials.ProcessHttpRequestAsync(request, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Token files, exec plugins and OIDC refreshes fail in many ways; each is a credentials problem.
            return ApiResponse.Failed($"cannot get credentials for {Identity}: {e.Message}");
        }
        try
        {
            using var response = await client.HttpClient.SendAsync(request, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
            return new ApiResponse((int)response.StatusCode, response.ReasonPhrase, body);
        }
        catch (HttpRequestException e)
        {
            return ApiResponse.Failed($"cannot reach the Kubernetes API server at {Server}: {TransportErrors.Describe(e)}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return ApiResponse.Failed($"the Kubernetes API server at {Server} did not answer within {timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>
    /// Opens a streaming GET (a watch): the response is returned as soon as its headers arrive and the body is read by the
    /// caller, who disposes the response. Only the wait for the headers is bounded by the session's timeout; the stream
    /// lasts until the server ends it or <paramref name="ct"/> is cancelled.
    /// </summary>
    /// <remarks>Throws only <see cref="OperationCanceledException"/>, and only when <paramref name="ct"/> is cancelled.</remarks>
    public async Task<(HttpResponseMessage? Response, string? Failure)> OpenStreamAsync(string path, string query, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(path) + query);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(UserAgent);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            if (client.Credentials is { } credentials) await credentials.ProcessHttpRequestAsync(request, deadline.Token).ConfigureAwait(false);
            // With ResponseHeadersRead the token bounds only the wait for the headers (SocketsHttpHandler), not the body.
            var response = await client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            return (response, null);
        }
        catch (HttpRequestException e)
        {
            return (null, $"cannot reach the Kubernetes API server at {Server}: {TransportErrors.Describe(e)}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"the Kubernetes API server at {Server} did not answer within {timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, $"cannot get credentials for {Identity}: {e.Message}");
        }
    }

    public void Dispose() => client.Dispose();
}
