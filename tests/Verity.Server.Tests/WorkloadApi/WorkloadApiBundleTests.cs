using Grpc.Core;
using Verity.Server.WorkloadApi.Proto;

namespace Verity.Server.Tests.WorkloadApi;

/// <summary>X.509 bundles over the real socket: the first message at once, a new one when CA rotation changes the bundle.</summary>
public sealed class WorkloadApiBundleTests
{
    [Fact]
    public async Task CA_rotation_pushes_the_new_bundle_on_both_streams()
    {
        // CA 6 h, leaf 1 h: the next CA is prepared (and published in the bundle) at 3 h.
        await using var host = await WorkloadApiHost.StartAsync(
            $"- spiffeId: spiffe://example.org/billing\n  selectors: [\"unix:uid:{WorkloadApiHost.CurrentUid()}\"]\n", caTtl: TimeSpan.FromHours(6));
        var options = new CallOptions(WorkloadApiHost.Header(), WorkloadApiHost.Deadline());
        using var bundles = host.Client.FetchX509Bundles(options);
        using var svids = host.Client.FetchX509Svid(options);
        Assert.True(await bundles.ResponseStream.MoveNext());
        Assert.True(await svids.ResponseStream.MoveNext());
        var before = bundles.ResponseStream.Current;
        Assert.Equal(["spiffe://example.org"], before.Bundles.Keys);
        Assert.Single(Certificates.SplitDer(before.Bundles["spiffe://example.org"].ToByteArray()));

        host.Clock.Advance(TimeSpan.FromHours(3) + TimeSpan.FromSeconds(1));
        Assert.True(await bundles.ResponseStream.MoveNext().WaitAsync(TimeSpan.FromSeconds(20)));
        var after = Certificates.SplitDer(bundles.ResponseStream.Current.Bundles["spiffe://example.org"].ToByteArray());
        Assert.Equal(2, after.Count);
        Assert.Equal(host.Ca.Slots.Select(s => s.Authority.Certificate.Thumbprint).Order(), after.Select(c => c.Thumbprint).Order());

        Assert.True(await svids.ResponseStream.MoveNext().WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(2, Certificates.SplitDer(svids.ResponseStream.Current.Svids[0].Bundle.ToByteArray()).Count);
    }
}
