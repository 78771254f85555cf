using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using Verity.Identity;
using Verity.Identity.Rotation;
using Verity.Identity.X509;
using Verity.Server.WorkloadApi;
using Verity.Server.WorkloadApi.Entries;

namespace Verity.Server.Tests.WorkloadApi;

/// <summary>
/// A real Workload API server on a temporary Unix socket, with a CA made for the test and a manual clock, and a real gRPC
/// client (Grpc.Net.Client over the same socket). Dispose stops both and removes the directory.
/// </summary>
internal sealed class WorkloadApiHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    public static readonly TrustDomain Td = TrustDomain.Parse("example.org");

    private readonly string _directory;

    private WorkloadApiHost(string directory, WorkloadApiServer server, ManualTimeProvider clock, X509CaRotator ca, GrpcChannel channel)
    {
        _directory = directory;
        Server = server;
        Clock = clock;
        Ca = ca;
        Channel = channel;
        Client = new WorkloadApiClient(channel.CreateCallInvoker());
    }

    public WorkloadApiServer Server { get; }
    public ManualTimeProvider Clock { get; }
    public X509CaRotator Ca { get; }
    public GrpcChannel Channel { get; }
    public WorkloadApiClient Client { get; }
    public string SocketPath => Server.SocketPath;

    /// <summary>The uid of this test process (what the server attests for calls the tests make).</summary>
    public static uint CurrentUid()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return uint.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<WorkloadApiHost> StartAsync(string entriesYaml, TimeSpan? caTtl = null, TimeSpan? leafTtl = null,
        Func<WorkloadApiServerOptions, WorkloadApiServerOptions>? configure = null)
    {
        var clock = new ManualTimeProvider(Start);
        var caOptions = new CaOptions { TrustDomain = Td, CaTtl = caTtl ?? TimeSpan.FromHours(24), LeafTtl = leafTtl ?? TimeSpan.FromHours(1) };
        var root = CertificateAuthorities.CreateRoot(caOptions, clock);
        Assert.True(root.Succeeded, string.Join("; ", root.Errors));
        var ca = new X509CaRotator(root.Authority, () => CertificateAuthorities.CreateRoot(caOptions, clock), caOptions.LeafTtl, clock);
        var entries = RegistrationEntryLoader.Parse("entries.yaml", entriesYaml, Td, podsResolvable: configure is not null);
        Assert.False(entries.HasErrors, string.Join("\n", entries.Problems));
        // Unix socket paths are limited to 108 bytes: keep the directory short.
        var directory = Directory.CreateTempSubdirectory("vwapi").FullName;
        var options = new WorkloadApiServerOptions
        {
            SocketPath = Path.Combine(directory, "agent.sock"),
            Ca = ca,
            Entries = entries.Entries,
            Time = clock,
            JitterSeed = 7,
            CheckInterval = TimeSpan.FromSeconds(1),
        };
        var server = WorkloadApiServer.Build(configure is null ? options : configure(options));
        await server.StartAsync();
        return new WorkloadApiHost(directory, server, clock, ca, Connect(server.SocketPath));
    }

    /// <summary>A gRPC channel whose every connection goes to the Unix socket.</summary>
    public static GrpcChannel Connect(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = handler });
    }

    public static Metadata Header() => new() { { "workload.spiffe.io", "true" } };

    /// <summary>A deadline so that no call can hang a test run.</summary>
    public static DateTime Deadline(int seconds = 30) => DateTime.UtcNow.AddSeconds(seconds);

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await Server.StopAsync();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
