using Verity.Identity;
using Verity.Identity.Rotation;
using Verity.Identity.X509;
using Verity.Server.WorkloadApi.Jwt;
using Verity.Server.WorkloadApi.Svids;

namespace Verity.Server.Tests.WorkloadApi;

/// <summary>The renewal loop without the transport: what it renews when, and what it logs.</summary>
public sealed class SvidCacheTests
{
    private static readonly SpiffeId Id = SpiffeId.Parse("spiffe://example.org/a");

    [Fact]
    public void An_SVID_is_renewed_once_at_its_renewal_time_and_never_before()
    {
        var clock = new ManualTimeProvider(WorkloadApiHost.Start);
        var options = new CaOptions { TrustDomain = WorkloadApiHost.Td };
        var root = CertificateAuthorities.CreateRoot(options, clock);
        var rotator = new X509CaRotator(root.Authority!, () => CertificateAuthorities.CreateRoot(options, clock), options.LeafTtl, clock);
        using var cache = new SvidCache(rotator, new JwtKeySet(WorkloadApiHost.Td), TimeSpan.FromMinutes(5), clock, null, new Random(3), TimeSpan.FromSeconds(1), _ => { });
        cache.Start([Id]);
        var first = cache.Current.Svids[Id];
        Assert.InRange(first.RenewAt, WorkloadApiHost.Start + TimeSpan.FromMinutes(24) - TimeSpan.FromSeconds(10), WorkloadApiHost.Start + TimeSpan.FromMinutes(36));

        clock.Advance(first.RenewAt - clock.GetUtcNow() - TimeSpan.FromSeconds(1));
        Assert.Same(first, cache.Current.Svids[Id]);
        var version = cache.Current.Version;
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotEqual(first.SerialNumber, cache.Current.Svids[Id].SerialNumber);
        Assert.Equal(version + 1, cache.Current.Version);
        Assert.True(cache.WaitForChangeAsync(version, CancellationToken.None).IsCompleted);
        Assert.False(cache.WaitForChangeAsync(version + 1, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void A_CA_that_cannot_be_rotated_is_logged_once_not_every_second()
    {
        var clock = new ManualTimeProvider(WorkloadApiHost.Start);
        var options = new CaOptions { TrustDomain = WorkloadApiHost.Td, CaTtl = TimeSpan.FromHours(6) };
        var root = CertificateAuthorities.CreateRoot(options, clock);
        var rotator = new X509CaRotator(root.Authority!, () => new CaResult { Errors = ["no upstream key"] }, options.LeafTtl, clock);
        var log = new List<string>();
        using var cache = new SvidCache(rotator, new JwtKeySet(WorkloadApiHost.Td), TimeSpan.FromMinutes(5), clock, null, new Random(3), TimeSpan.FromSeconds(1), log.Add);
        cache.Start([Id]);
        clock.Advance(TimeSpan.FromHours(3));
        for (var i = 0; i < 5; i++) clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(log, l => l.StartsWith("CA rotation: PrepareFailed", StringComparison.Ordinal) && l.Contains("no upstream key", StringComparison.Ordinal));
    }
}
