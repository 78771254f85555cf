using System.Runtime.Versioning;
using Grpc.Core;
using Verity.Identity;
using Verity.Identity.Rotation;
using Verity.Identity.X509;
using Verity.Server.WorkloadApi;

namespace Verity.Server.Tests.WorkloadApi;

/// <summary>The socket file (mode, stale file, a live server), stopping with open streams, several identities per caller.</summary>
public sealed class WorkloadApiHostingTests
{
    private static string Entries(params string[] ids) =>
        string.Concat(ids.Select(id => $"- spiffeId: {id}\n  selectors: [\"unix:uid:{WorkloadApiHost.CurrentUid()}\"]\n"));

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task The_socket_is_mode_0777_a_stale_file_is_replaced_and_a_live_socket_or_a_data_file_is_refused()
    {
        await using var host = await WorkloadApiHost.StartAsync(Entries("spiffe://example.org/a"));
        Assert.Equal((UnixFileMode)0b111_111_111, File.GetUnixFileMode(host.SocketPath));

        var second = Build(host.SocketPath);
        var error = await Assert.ThrowsAsync<IOException>(() => second.StartAsync());
        Assert.Equal($"another server is listening on {host.SocketPath}", error.Message);
        await second.DisposeAsync();

        var dataPath = Path.Combine(Path.GetDirectoryName(host.SocketPath)!, "data.txt");
        await File.WriteAllTextAsync(dataPath, "keep me");
        var fourth = Build(dataPath);
        var notSocket = await Assert.ThrowsAsync<IOException>(() => fourth.StartAsync());
        Assert.Equal($"{dataPath} exists and is not a socket; remove it or choose another socket path", notSocket.Message);
        Assert.Equal("keep me", await File.ReadAllTextAsync(dataPath));
        await fourth.DisposeAsync();

        var noDirectory = Path.Combine(Path.GetDirectoryName(host.SocketPath)!, "missing", "s.sock");
        var fifth = Build(noDirectory);
        var missing = await Assert.ThrowsAsync<IOException>(() => fifth.StartAsync());
        Assert.Equal($"the directory {Path.GetDirectoryName(noDirectory)} does not exist", missing.Message);
        await fifth.DisposeAsync();

        var stalePath = Path.Combine(Path.GetDirectoryName(host.SocketPath)!, "stale.sock");
        await File.WriteAllTextAsync(stalePath, "");
        await using var third = Build(stalePath);
        await third.StartAsync();
        using var channel = WorkloadApiHost.Connect(stalePath);
        using var call = new WorkloadApiClient(channel.CreateCallInvoker()).FetchX509Svid(new CallOptions(WorkloadApiHost.Header(), WorkloadApiHost.Deadline()));
        Assert.True(await call.ResponseStream.MoveNext());
        await third.StopAsync();
        Assert.False(File.Exists(stalePath));
    }

    [Fact]
    public async Task Stopping_the_server_ends_open_streams_at_once()
    {
        var host = await WorkloadApiHost.StartAsync(Entries("spiffe://example.org/a"));
        using var call = host.Client.FetchX509Svid(new CallOptions(WorkloadApiHost.Header(), WorkloadApiHost.Deadline()));
        Assert.True(await call.ResponseStream.MoveNext());
        await host.Server.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(await call.ResponseStream.MoveNext().WaitAsync(TimeSpan.FromSeconds(10)));
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_caller_with_several_entries_gets_all_its_SVIDs_in_one_message()
    {
        await using var host = await WorkloadApiHost.StartAsync(Entries("spiffe://example.org/a", "spiffe://example.org/b"));
        using var call = host.Client.FetchX509Svid(new CallOptions(WorkloadApiHost.Header(), WorkloadApiHost.Deadline()));
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(["spiffe://example.org/a", "spiffe://example.org/b"], call.ResponseStream.Current.Svids.Select(s => s.SpiffeId));
        foreach (var svid in call.ResponseStream.Current.Svids)
            Assert.Equal([svid.SpiffeId], Certificates.UriSans(Certificates.SplitDer(svid.X509Svid.ToByteArray())[0]));
    }

    private static WorkloadApiServer Build(string socketPath)
    {
        var options = new CaOptions { TrustDomain = WorkloadApiHost.Td };
        var clock = new ManualTimeProvider(WorkloadApiHost.Start);
        var root = CertificateAuthorities.CreateRoot(options, clock);
        Assert.True(root.Succeeded);
        var entries = Server.WorkloadApi.Entries.RegistrationEntryLoader.Parse("e.yaml", Entries("spiffe://example.org/a"), WorkloadApiHost.Td);
        return WorkloadApiServer.Build(new WorkloadApiServerOptions
        {
            SocketPath = socketPath,
            Ca = new X509CaRotator(root.Authority, () => CertificateAuthorities.CreateRoot(options, clock), options.LeafTtl, clock),
            Entries = entries.Entries,
            Time = clock,
        });
    }
}
