using Verity.Identity.Rotation;
using Verity.Identity.Validation;
using Verity.Identity.Bundles;
using Verity.Identity.X509;

namespace Verity.Identity.Tests;

/// <summary>The CA rotation state machine, driven by a manual clock over a 24 h CA with 1 h leaves.</summary>
public sealed class RotationTests
{
    private readonly ManualClock _clock = new();

    private X509CaRotator NewRotator(out X509Authority first, int caHours = 24, Func<CaResult>? mint = null)
    {
        var options = TestPki.Options(caTtl: TimeSpan.FromHours(caHours));
        first = CertificateAuthorities.CreateRoot(options, _clock).Authority!;
        return new X509CaRotator(first, mint ?? (() => CertificateAuthorities.CreateRoot(options, _clock)), options.LeafTtl, _clock);
    }

    [Fact]
    public void The_schedule_is_half_life_five_sixths_and_expiry()
    {
        var nb = ManualClock.Epoch;
        var na = nb + TimeSpan.FromHours(24);
        Assert.Equal(nb + TimeSpan.FromHours(12), CaRotationSchedule.PrepareAt(nb, na));
        Assert.Equal(nb + TimeSpan.FromHours(20), CaRotationSchedule.ActivateAt(nb, na, TimeSpan.FromHours(1)));
        Assert.Equal(na - TimeSpan.FromHours(5), CaRotationSchedule.ActivateAt(nb, na, TimeSpan.FromHours(5)));
        Assert.Equal(na, CaRotationSchedule.DropAt(na));
        // A year-long CA: prepared 30 days and activated 7 days before its end (SPIRE's caps).
        var year = nb + TimeSpan.FromDays(365);
        Assert.Equal(year - TimeSpan.FromDays(30), CaRotationSchedule.PrepareAt(nb, year));
        Assert.Equal(year - TimeSpan.FromDays(7), CaRotationSchedule.ActivateAt(nb, year, TimeSpan.FromHours(1)));
        Assert.Equal(year - TimeSpan.FromDays(8), CaRotationSchedule.ActivateAt(nb, year, TimeSpan.FromDays(8)));
    }

    [Fact]
    public void A_ca_is_prepared_published_activated_and_dropped_in_order()
    {
        var rotator = NewRotator(out var first);
        Assert.Empty(rotator.Tick());
        Assert.Equal(1UL, rotator.BundleSequence);

        var prepareAt = CaRotationSchedule.PrepareAt(first.NotBefore, first.NotAfter);
        Assert.Equal(first.NotBefore + TimeSpan.FromHours(12) + TimeSpan.FromSeconds(5), prepareAt);
        _clock.Now = prepareAt - TimeSpan.FromSeconds(1);
        Assert.Empty(rotator.Tick());
        _clock.Now = prepareAt;
        var prepared = Assert.Single(rotator.Tick());
        Assert.Equal(CaRotationStep.Prepared, prepared.Step);
        var second = rotator.Prepared!;
        Assert.Same(first, rotator.Active);
        Assert.Equal(2UL, rotator.BundleSequence);
        Assert.Equal([second.Certificate.Thumbprint, first.Certificate.Thumbprint], rotator.Bundle().X509Authorities.Select(c => c.Thumbprint));
        Assert.Equal([CaSlotState.Prepared, CaSlotState.Active], rotator.Slots.Select(s => s.State));

        // Prepared CAs publish but never sign.
        using (var svid = rotator.Issue(new SvidRequest { Id = SpiffeId.Parse("spiffe://example.org/a") }).Svid!)
            Assert.Equal(first.Certificate.Subject, svid.Leaf.Issuer);

        _clock.Now = CaRotationSchedule.ActivateAt(first.NotBefore, first.NotAfter, TimeSpan.FromHours(1)) - TimeSpan.FromSeconds(1);
        Assert.Empty(rotator.Tick());
        _clock.Advance(TimeSpan.FromSeconds(1));
        var activated = Assert.Single(rotator.Tick());
        Assert.Equal((CaRotationStep.Activated, second.Certificate.SerialNumber), (activated.Step, activated.SerialNumber));
        Assert.Same(second, rotator.Active);
        Assert.Equal([CaSlotState.Active, CaSlotState.Retired], rotator.Slots.Select(s => s.State));
        Assert.Equal(2UL, rotator.BundleSequence);
        using (var svid = rotator.Issue(new SvidRequest { Id = SpiffeId.Parse("spiffe://example.org/a") }).Svid!)
            Assert.Equal(second.Certificate.Subject, svid.Leaf.Issuer);

        // The second CA reaches its own half life (it began at the first's half life) 10 s before the first expires.
        _clock.Now = first.NotAfter - TimeSpan.FromSeconds(1);
        Assert.Equal([CaRotationStep.Prepared], rotator.Tick().Select(e => e.Step));
        var third = rotator.Prepared!;
        Assert.Equal(3, rotator.Bundle().X509Authorities.Count);
        Assert.Equal(3UL, rotator.BundleSequence);
        _clock.Now = first.NotAfter;
        var dropped = Assert.Single(rotator.Tick());
        Assert.Equal((CaRotationStep.Dropped, first.Certificate.SerialNumber), (dropped.Step, dropped.SerialNumber));
        Assert.Equal([third.Certificate.Thumbprint, second.Certificate.Thumbprint], rotator.Bundle().X509Authorities.Select(c => c.Thumbprint));
        Assert.Equal(4UL, rotator.BundleSequence);
    }

    [Fact]
    public void Every_leaf_stays_verifiable_against_the_current_bundle_across_rotations()
    {
        var rotator = NewRotator(out _, caHours: 6);
        var id = SpiffeId.Parse("spiffe://example.org/w");
        var live = new List<X509Svid>();
        for (var minute = 0; minute < 60 * 20; minute += 10)
        {
            _clock.Now = ManualClock.Epoch + TimeSpan.FromMinutes(minute);
            rotator.Tick();
            live.RemoveAll(s => s.NotAfter <= _clock.Now);
            live.Add(rotator.Issue(new SvidRequest { Id = id }).Svid!);
            var bundles = BundleSet.Of(rotator.Bundle());
            foreach (var svid in live)
            {
                var report = SvidInspector.Inspect(svid.Chain, _clock, bundles);
                Assert.True(report.IsValid, $"at +{minute}m: " + string.Join("; ", report.Failures.Select(f => f.Message)));
            }
        }
        Assert.True(rotator.BundleSequence >= 6);
    }

    [Fact]
    public void A_failed_mint_is_reported_and_retried()
    {
        var fail = true;
        var options = TestPki.Options();
        var rotator = NewRotator(out _, mint: () => fail ? new CaResult { Errors = ["upstream unreachable"] } : CertificateAuthorities.CreateRoot(options, _clock));
        _clock.Advance(TimeSpan.FromHours(13));
        var failed = Assert.Single(rotator.Tick());
        Assert.Equal((CaRotationStep.PrepareFailed, "upstream unreachable"), (failed.Step, failed.Error));
        Assert.Null(rotator.Prepared);
        fail = false;
        Assert.Equal(CaRotationStep.Prepared, Assert.Single(rotator.Tick()).Step);
    }

    [Fact]
    public void A_clock_jump_past_expiry_rotates_at_once()
    {
        var rotator = NewRotator(out var first);
        _clock.Now = first.NotAfter + TimeSpan.FromHours(1);
        Assert.Equal([CaRotationStep.Prepared, CaRotationStep.Activated, CaRotationStep.Dropped], rotator.Tick().Select(e => e.Step));
        Assert.Single(rotator.Bundle().X509Authorities);
        Assert.NotSame(first, rotator.Active);
    }

    [Fact]
    public void Rotating_an_intermediate_keeps_the_upstream_root_and_the_bundle_sequence()
    {
        var upstream = TestPki.Upstream(_clock.Now - TimeSpan.FromDays(1), TimeSpan.FromDays(365));
        var options = TestPki.Options();
        var first = CertificateAuthorities.CreateIntermediate(options, upstream, _clock).Authority!;
        var rotator = new X509CaRotator(first, () => CertificateAuthorities.CreateIntermediate(options, upstream, _clock), options.LeafTtl, _clock);
        _clock.Now = CaRotationSchedule.ActivateAt(first.NotBefore, first.NotAfter, options.LeafTtl);
        Assert.Equal([CaRotationStep.Prepared, CaRotationStep.Activated], rotator.Tick().Select(e => e.Step));
        Assert.NotSame(first, rotator.Active);
        Assert.Equal(upstream.Certificate.Thumbprint, Assert.Single(rotator.Bundle().X509Authorities).Thumbprint);
        Assert.Equal(1UL, rotator.BundleSequence);
        using var svid = rotator.Issue(new SvidRequest { Id = SpiffeId.Parse("spiffe://example.org/a") }).Svid!;
        Assert.Equal([svid.Leaf.Thumbprint, rotator.Active.Certificate.Thumbprint], svid.Chain.Select(c => c.Thumbprint));
        Assert.True(SvidInspector.Inspect(svid.Chain, _clock, BundleSet.Of(rotator.Bundle())).IsValid);
    }
}
