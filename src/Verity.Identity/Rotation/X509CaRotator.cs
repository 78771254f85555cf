using Verity.Identity.Bundles;
using Verity.Identity.X509;

namespace Verity.Identity.Rotation;

/// <summary>
/// CA rotation as a state machine driven by the injected clock (see <see cref="CaRotationSchedule"/> for the timeline).
/// Nothing happens on its own: the host calls <see cref="Tick"/> (e.g. every few seconds) and reacts to the events —
/// push the new bundle when <see cref="BundleSequence"/> changed. <paramref name="mintNext"/> makes the next CA (a new root,
/// or a new intermediate from the same upstream); it may fail, and is then retried on the next tick. Thread-safe.
/// Retired CAs are not disposed (bundles handed out may still reference their certificates).
/// </summary>
public sealed class X509CaRotator(X509Authority active, Func<CaResult> mintNext, TimeSpan leafTtl, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly List<X509Authority> _retired = [];
    private X509Authority _active = active;
    private X509Authority? _prepared;
    private ulong _sequence = 1;

    /// <summary>The CA that signs now.</summary>
    public X509Authority Active
    {
        get { lock (_lock) return _active; }
    }

    /// <summary>The published, not yet active, next CA.</summary>
    public X509Authority? Prepared
    {
        get { lock (_lock) return _prepared; }
    }

    /// <summary>Every CA with its state: prepared, active, then retired (newest first).</summary>
    public IReadOnlyList<(X509Authority Authority, CaSlotState State)> Slots
    {
        get
        {
            lock (_lock)
            {
                var slots = new List<(X509Authority, CaSlotState)>();
                if (_prepared is not null) slots.Add((_prepared, CaSlotState.Prepared));
                slots.Add((_active, CaSlotState.Active));
                slots.AddRange(_retired.AsEnumerable().Reverse().Select(r => (r, CaSlotState.Retired)));
                return slots;
            }
        }
    }

    /// <summary>Starts at 1 and grows by one whenever the bundle's X.509 authorities change (its <c>spiffe_sequence</c>).</summary>
    public ulong BundleSequence
    {
        get { lock (_lock) return _sequence; }
    }

    /// <summary>The trust domain's bundle: the distinct roots of every prepared, active and retired CA.</summary>
    public TrustBundle Bundle(TimeSpan? refreshHint = null)
    {
        lock (_lock)
            return new TrustBundle { TrustDomain = _active.TrustDomain, X509Authorities = Roots(), SequenceNumber = _sequence, RefreshHint = refreshHint };
    }

    /// <summary>Issues an SVID from the active CA (default lifetime: the leaf TTL).</summary>
    public SvidIssuance Issue(SvidRequest request) => SvidIssuer.Issue(Active, request, leafTtl, time);

    /// <summary>Makes every transition that is due at the clock's now, in order, and returns them.</summary>
    public IReadOnlyList<CaRotationEvent> Tick()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var before = RootKeys();
            var events = new List<CaRotationEvent>();
            foreach (var expired in _retired.Where(r => now >= CaRotationSchedule.DropAt(r.NotAfter)).ToList())
            {
                _retired.Remove(expired);
                events.Add(new CaRotationEvent(CaRotationStep.Dropped, now, expired.Certificate.SerialNumber));
            }
            if (_prepared is null && now >= CaRotationSchedule.PrepareAt(_active.NotBefore, _active.NotAfter))
            {
                var next = mintNext();
                if (next.Succeeded)
                {
                    _prepared = next.Authority;
                    events.Add(new CaRotationEvent(CaRotationStep.Prepared, now, _prepared.Certificate.SerialNumber));
                }
                else events.Add(new CaRotationEvent(CaRotationStep.PrepareFailed, now, null, string.Join("; ", next.Errors)));
            }
            if (_prepared is not null && now >= CaRotationSchedule.ActivateAt(_active.NotBefore, _active.NotAfter, leafTtl))
            {
                _retired.Add(_active);
                _active = _prepared;
                _prepared = null;
                events.Add(new CaRotationEvent(CaRotationStep.Activated, now, _active.Certificate.SerialNumber));
                // A retired CA that has already expired (the clock jumped) leaves at once.
                if (now >= _retired[^1].NotAfter)
                {
                    events.Add(new CaRotationEvent(CaRotationStep.Dropped, now, _retired[^1].Certificate.SerialNumber));
                    _retired.RemoveAt(_retired.Count - 1);
                }
            }
            if (!before.SetEquals(RootKeys())) _sequence++;
            return events;
        }
    }

    private List<System.Security.Cryptography.X509Certificates.X509Certificate2> Roots()
    {
        var all = new List<X509Authority>();
        if (_prepared is not null) all.Add(_prepared);
        all.Add(_active);
        all.AddRange(_retired);
        return all.SelectMany(a => a.Roots).DistinctBy(c => c.Thumbprint).ToList();
    }

    private HashSet<string> RootKeys() => Roots().Select(c => c.Thumbprint).ToHashSet();
}
