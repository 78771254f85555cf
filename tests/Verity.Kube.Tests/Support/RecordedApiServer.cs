using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verity.Kube.Tests.Support;

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 (HttpListener, free port) that replays RECORDED Kubernetes API
/// responses: no Kubernetes API server can be installed on these machines, so the reader is tested against
/// the list responses such a server returns (testdata/recorded/*.json), over a real socket. It does not
/// authenticate, authorize or compute anything: a request for a path it has no recording of gets the API
/// server's answer for an unserved API group (404, <c>404 page not found</c>).
/// </summary>
internal sealed class RecordedApiServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly List<RecordedRoute> _routes;
    private readonly string _root;
    private readonly List<RecordedRequest> _requests = [];
    private readonly Dictionary<string, JsonObject> _sliced = new(StringComparer.Ordinal);
    private readonly Task _loop;

    private RecordedApiServer(HttpListener listener, string url, string routesFile)
    {
        _listener = listener;
        Url = url;
        _root = Path.GetDirectoryName(routesFile)!;
        _routes = JsonSerializer.Deserialize<List<RecordedRoute>>(File.ReadAllText(routesFile), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The server URL to put in a kubeconfig, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Url { get; }

    /// <summary>Starts a server answering from a routes file (default: the all-namespaces recording).</summary>
    public static RecordedApiServer Start(string? routesFile = null)
    {
        routesFile ??= TestData.File("routes.json");
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new RecordedApiServer(listener, $"http://127.0.0.1:{port}", routesFile);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    /// <summary>A loopback port nothing listens on (taken from the OS, then released).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    /// <summary>Answers <paramref name="path"/> (with this continue token, or the first page) with another recording.</summary>
    public void Override(string path, int status, string file, string? continueToken = null)
    {
        lock (_routes) _routes.Insert(0, new RecordedRoute(path, continueToken, file, status));
    }

    /// <summary>
    /// Serves <paramref name="list"/> at <paramref name="path"/> in pages of the requested <c>limit</c>, with the
    /// item offset as continue token — the paging contract of the API, for lists of any length.
    /// </summary>
    public void ServeSliced(string path, JsonObject list)
    {
        lock (_routes) _sliced[path] = list;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            Answer(context);
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        var query = request.QueryString;
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(request.HttpMethod, path, query["limit"], query["continue"], query["fieldSelector"],
                request.Headers["Authorization"], request.Headers["Accept"]));
        }
        var (status, contentType, body) = Respond(path, query["continue"], query["limit"]);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
        response.Close();
    }

    /// <summary>A broken recording is a 500 with the reason, so a test fails with it instead of hanging.</summary>
    private (int Status, string ContentType, byte[] Body) Respond(string path, string? continueToken, string? limit)
    {
        try
        {
            return Response(path, continueToken, limit);
        }
        catch (Exception e) when (e is IOException or FormatException or InvalidOperationException)
        {
            return (500, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes($"recorded-response server: {e.Message}"));
        }
    }

    private (int Status, string ContentType, byte[] Body) Response(string path, string? continueToken, string? limit)
    {
        lock (_routes)
        {
            if (_sliced.TryGetValue(path, out var list)) return (200, "application/json", Slice(list, continueToken, limit));
            var route = _routes.FirstOrDefault(r => r.Path == path && r.Continue == continueToken);
            if (route is null) return (404, "text/plain; charset=utf-8", "404 page not found\n"u8.ToArray());
            return (route.Status, "application/json", File.ReadAllBytes(Path.Combine(_root, route.File)));
        }
    }

    private static byte[] Slice(JsonObject list, string? continueToken, string? limit)
    {
        var items = list["items"]!.AsArray();
        var start = continueToken is null ? 0 : int.Parse(continueToken);
        var size = limit is null ? items.Count : int.Parse(limit);
        var page = new JsonObject
        {
            ["kind"] = list["kind"]!.DeepClone(),
            ["apiVersion"] = list["apiVersion"]!.DeepClone(),
            ["metadata"] = start + size < items.Count
                ? new JsonObject { ["resourceVersion"] = "1", ["continue"] = (start + size).ToString(), ["remainingItemCount"] = items.Count - start - size }
                : new JsonObject { ["resourceVersion"] = "1" },
            ["items"] = new JsonArray([.. items.Skip(start).Take(size).Select(i => i!.DeepClone())]),
        };
        return Encoding.UTF8.GetBytes(page.ToJsonString());
    }

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
