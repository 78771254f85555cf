using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Verity.Kube.Tests.Support;

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 playing the API server's side of list-then-watch for Namespaces, the way
/// https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes describes it: a list answers
/// with the namespaces the test set and a resourceVersion; a watch request stays open and streams, one JSON line each, the
/// events the test sends, until the test ends the stream. No Kubernetes API server can be installed here, so this is the
/// recorded protocol, served over a real socket.
/// </summary>
internal sealed class WatchApiServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly List<string> _requests = [];
    private readonly Channel<string?> _events = Channel.CreateUnbounded<string?>();
    private JsonArray _items = [];
    private string _version = "1";
    private int _listStatus = 200;

    public WatchApiServer()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}";
        _listener = new HttpListener();
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>Every request as <c>list ?query</c> or <c>watch ?query</c>, in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    /// <summary>What the next lists answer: these namespaces (name → labels) at this resourceVersion.</summary>
    public void SetNamespaces(string version, params (string Name, string Labels)[] namespaces)
    {
        var items = new JsonArray();
        foreach (var (name, labels) in namespaces) items.Add(Namespace(name, labels, version));
        lock (_requests)
        {
            _items = items;
            _version = version;
        }
    }

    /// <summary>Lists answer with this status (e.g. 403) until set back to 200.</summary>
    public void SetListStatus(int status)
    {
        lock (_requests) _listStatus = status;
    }

    /// <summary>Sends one watch event on the open (or next) watch stream.</summary>
    public void Send(string type, string name, string labels, string version) =>
        _events.Writer.TryWrite(new JsonObject { ["type"] = type, ["object"] = Namespace(name, labels, version) }.ToJsonString());

    public void Bookmark(string version) =>
        _events.Writer.TryWrite(new JsonObject { ["type"] = "BOOKMARK", ["object"] = new JsonObject { ["kind"] = "Namespace", ["apiVersion"] = "v1", ["metadata"] = new JsonObject { ["resourceVersion"] = version } } }.ToJsonString());

    /// <summary>The event the API server sends when the watched resourceVersion has been compacted away.</summary>
    public void Gone() =>
        _events.Writer.TryWrite("""{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 1 (5)","reason":"Expired","code":410}}""");

    /// <summary>Ends the current watch stream (as the server does at timeoutSeconds).</summary>
    public void EndStream() => _events.Writer.TryWrite(null);

    private static JsonObject Namespace(string name, string labels, string version)
    {
        var labelObject = new JsonObject { ["kubernetes.io/metadata.name"] = name };
        foreach (var pair in labels.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            labelObject[parts[0]] = parts[1];
        }
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = name, ["resourceVersion"] = version, ["labels"] = labelObject },
        };
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
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var watch = request.QueryString["watch"] == "1";
        lock (_requests) _requests.Add($"{(watch ? "watch" : "list")} {request.Url!.Query}");
        var response = context.Response;
        try
        {
            if (request.Url!.AbsolutePath != "/api/v1/namespaces")
            {
                response.StatusCode = 404;
                response.Close();
                return;
            }
            if (!watch)
            {
                string body;
                int status;
                lock (_requests)
                {
                    status = _listStatus;
                    body = status == 200
                        ? new JsonObject { ["kind"] = "NamespaceList", ["apiVersion"] = "v1", ["metadata"] = new JsonObject { ["resourceVersion"] = _version }, ["items"] = _items.DeepClone() }.ToJsonString()
                        : """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"namespaces is forbidden","reason":"Forbidden","code":403}""";
                }
                response.StatusCode = status;
                response.ContentType = "application/json";
                var bytes = Encoding.UTF8.GetBytes(body);
                await response.OutputStream.WriteAsync(bytes);
                response.Close();
                return;
            }
            response.StatusCode = 200;
            response.ContentType = "application/json";
            response.SendChunked = true;
            await response.OutputStream.FlushAsync();
            while (await _events.Reader.ReadAsync() is { } line)
            {
                await response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));
                await response.OutputStream.FlushAsync();
            }
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException or ChannelClosedException)
        {
            // The client went away or the server is stopping.
        }
    }

    public void Dispose()
    {
        _events.Writer.TryComplete();
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}
