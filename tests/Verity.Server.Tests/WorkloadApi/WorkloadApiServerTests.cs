using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Verity.Server.WorkloadApi.Proto;

namespace Verity.Server.Tests.WorkloadApi;

/// <summary>The real server on a temporary Unix socket, called by a real gRPC client over that socket; the clock is manual.</summary>
public sealed class WorkloadApiServerTests
{
    private const string Billing = "spiffe://example.org/billing";

    private static string OwnEntry(string id = Billing, string hint = "") =>
        $"- spiffeId: {id}\n  selectors: [\"unix:uid:{WorkloadApiHost.CurrentUid()}\"]\n" + (hint.Length > 0 ? $"  hint: {hint}\n" : "");

    [Fact]
    public async Task A_call_without_the_security_header_is_invalid_argument()
    {
        await using var host = await WorkloadApiHost.StartAsync(OwnEntry());
        using var call = host.Client.FetchX509Svid(new CallOptions(deadline: WorkloadApiHost.Deadline()));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("security header missing from request", error.Status.Detail);

        var unary = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Client.FetchJwtSvid(new JWTSVIDRequest { Audience = { "x" } }, new CallOptions(new Metadata { { "workload.spiffe.io", "false" } }, WorkloadApiHost.Deadline())));
        Assert.Equal(StatusCode.InvalidArgument, unary.StatusCode);
        Assert.Equal("security header missing from request", unary.Status.Detail);
    }

    [Fact]
    public async Task A_caller_no_entry_matches_is_permission_denied()
    {
        var otherUid = WorkloadApiHost.CurrentUid() + 4242;
        await using var host = await WorkloadApiHost.StartAsync($"- spiffeId: {Billing}\n  selectors: [\"unix:uid:{otherUid}\"]\n");
        using var call = host.Client.FetchX509Svid(new CallOptions(WorkloadApiHost.Header(), WorkloadApiHost.Deadline()));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("no identity issued", error.Status.Detail);

        var jwt = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Client.FetchJwtSvid(new JWTSVIDRequest { Audience = { "x" } }, new CallOptions(WorkloadApiHost.Header(), WorkloadApiHost.Deadline())));
        Assert.Equal(StatusCode.PermissionDenied, jwt.StatusCode);
    }

    [Fact]
    public async Task An_entry_needs_all_its_selectors()
    {
        var uid = WorkloadApiHost.CurrentUid();
        await using var host = await WorkloadApiHost.StartAsync($"- spiffeId: {Billing}\n  selectors: [\"unix:uid:{uid}\", \"unix:gid:{uid + 4242}\"]\n");
        using var call = host.Client.FetchX509Svid(new CallOptions(WorkloadApiHost.Header(), WorkloadApiHost.Deadline()));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task The_callers_uid_entry_gets_an_X509_SVID_that_chains_to_the_bundle()
    {
        await using var host = await WorkloadApiHost.StartAsync(OwnEntry(hint: "internal"));
        using var call = host.Client.FetchX509Svid(new CallOptions(WorkloadApiHost.Header(), WorkloadApiHost.Deadline()));
        Assert.True(await call.ResponseStream.MoveNext());
        var response = call.ResponseStream.Current;

        var svid = Assert.Single(response.Svids);
        Assert.Equal(Billing, svid.SpiffeId);
        Assert.Equal("internal", svid.Hint);
        Assert.Empty(response.FederatedBundles);
        var chain = Certificates.SplitDer(svid.X509Svid.ToByteArray());
        var leaf = chain[0];
        Assert.Equal([Billing], Certificates.UriSans(leaf));
        var roots = Certificates.SplitDer(svid.Bundle.ToByteArray());
        Assert.Equal(host.Ca.Active.Roots.Select(r => r.Thumbprint), roots.Select(r => r.Thumbprint));
        Assert.True(Certificates.ChainsTo(leaf, chain.Skip(1), roots, host.Clock.GetUtcNow(), out var status), status);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 13, 0, 0, TimeSpan.Zero), new DateTimeOffset(leaf.NotAfter.ToUniversalTime()));

        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(svid.X509SvidKey.Span, out _);
        using var withKey = leaf.CopyWithPrivateKey(key);
        Assert.True(withKey.HasPrivateKey);
    }

    [Fact]
    public async Task Renewal_pushes_a_new_SVID_on_the_open_stream()
    {
        await using var host = await WorkloadApiHost.StartAsync(OwnEntry());
        using var call = host.Client.FetchX509Svid(new CallOptions(WorkloadApiHost.Header(), WorkloadApiHost.Deadline()));
        Assert.True(await call.ResponseStream.MoveNext());
        var first = Certificates.SplitDer(call.ResponseStream.Current.Svids[0].X509Svid.ToByteArray())[0];

        // A 1 h SVID is renewed at half its life ± 10 %: by 36 min at the latest. 20 min is too early.
        host.Clock.Advance(TimeSpan.FromMinutes(20));
        var early = call.ResponseStream.MoveNext();
        await Task.Delay(200);
        Assert.False(early.IsCompleted);
        host.Clock.Advance(TimeSpan.FromMinutes(17));
        Assert.True(await early.WaitAsync(TimeSpan.FromSeconds(20)));
        var second = Certificates.SplitDer(call.ResponseStream.Current.Svids[0].X509Svid.ToByteArray())[0];

        Assert.NotEqual(first.SerialNumber, second.SerialNumber);
        Assert.Equal([Billing], Certificates.UriSans(second));
        Assert.True(second.NotBefore.ToUniversalTime() > first.NotBefore.ToUniversalTime());
    }
}
