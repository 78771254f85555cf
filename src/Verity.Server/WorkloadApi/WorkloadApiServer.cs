using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Verity.Server.WorkloadApi.Attestation;
using Verity.Server.WorkloadApi.Hosting;
using Verity.Server.WorkloadApi.Jwt;
using Verity.Server.WorkloadApi.Svids;

namespace Verity.Server.WorkloadApi;

/// <summary>
/// The SPIFFE Workload API server (docs/workload-api.md): gRPC over HTTP/2 cleartext on a Unix domain socket, Kestrel
/// from an empty host (no configuration files, environment variables or logging providers). Each accepted connection's
/// peer credentials (SO_PEERCRED) are read once, when it is accepted, and attested on every call.
/// </summary>
public sealed class WorkloadApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SvidCache _svids;
    private readonly WorkloadApiServerOptions _options;
    private readonly WorkloadApiState _state;

    private WorkloadApiServer(WebApplication app, SvidCache svids, WorkloadApiServerOptions options, WorkloadApiState state)
    {
        _app = app;
        _svids = svids;
        _options = options;
        _state = state;
    }

    public string SocketPath => _options.SocketPath;

    /// <summary>Builds the server (not started, nothing issued yet).</summary>
    public static WorkloadApiServer Build(WorkloadApiServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var trustDomain = options.Ca.Active.TrustDomain;
        var random = options.JitterSeed is { } seed ? new Random(seed) : new Random();
        var jwtKeys = new JwtKeySet(trustDomain);
        var svids = new SvidCache(options.Ca, jwtKeys, options.JwtSvidTtl, options.Time, options.SvidTtl, random, options.CheckInterval, options.Log);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ListenUnixSocket(options.SocketPath, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.Use(next => connection =>
                {
                    var socket = connection.Features.Get<IConnectionSocketFeature>()?.Socket;
                    var feature = PeerCredentials.TryRead(socket, out var peer, out var error) ? new PeerCredentialsFeature(peer, null) : new PeerCredentialsFeature(null, error);
                    connection.Features.Set(feature);
                    return next(connection);
                });
            });
        });
        builder.Services.AddRouting();
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<SecurityHeaderInterceptor>());
        var state = new WorkloadApiState(options, svids, jwtKeys);
        builder.Services.AddSingleton(state);
        var app = builder.Build();
        app.UseRouting();
        app.MapGrpcService<WorkloadApiService>();
        return new WorkloadApiServer(app, svids, options, state);
    }

    /// <summary>
    /// Issues the SVIDs of every entry, starts renewal, replaces a stale socket file (an empty file nobody listens on; a
    /// live socket or a file with content is an <see cref="IOException"/>), listens, and sets the socket file's mode.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        RemoveStaleSocket(_options.SocketPath);
        _svids.Start(_options.Entries.Select(e => e.SpiffeId));
        await _app.StartAsync(cancellationToken);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_options.SocketPath, _options.SocketMode);
    }

    /// <summary>Ends every open stream, stops listening and removes the socket file.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _state.Stopping.CancelAsync();
        await _app.StopAsync(cancellationToken);
        try
        {
            File.Delete(_options.SocketPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _svids.Dispose();
        _state.Stopping.Dispose();
    }

    private static void RemoveStaleSocket(string path)
    {
        if (Directory.Exists(path)) throw new IOException($"{path} is a directory, not a socket path");
        if (Path.GetDirectoryName(path) is { Length: > 0 } parent && !Directory.Exists(parent)) throw new IOException($"the directory {parent} does not exist");
        if (!File.Exists(path)) return;
        // A socket file has no content; anything else there is not ours to delete (a mistyped --socket must not remove data).
        if (new FileInfo(path).Length > 0) throw new IOException($"{path} exists and is not a socket; remove it or choose another socket path");
        using (var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            try
            {
                probe.Connect(new UnixDomainSocketEndPoint(path));
                throw new IOException($"another server is listening on {path}");
            }
            catch (SocketException)
            {
                // Nobody listens: a socket left by a server that did not stop cleanly.
            }
        }
        File.Delete(path);
    }
}
