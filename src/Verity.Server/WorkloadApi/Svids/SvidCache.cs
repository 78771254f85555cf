using System.Collections.Immutable;
using Google.Protobuf;
using Verity.Identity;
using Verity.Identity.Rotation;
using Verity.Identity.X509;
using Verity.Server.WorkloadApi.Jwt;

namespace Verity.Server.WorkloadApi.Svids;

/// <summary>
/// Keeps one current X.509-SVID per registered SPIFFE ID and renews it at <see cref="SvidRenewal.RenewAt"/> (half its life,
/// ±10 % jitter). A timer of the injected <see cref="TimeProvider"/> fires every check interval: it ticks the CA rotator
/// (prepare/activate/drop CAs), renews what is due, retries what failed, rotates the JWT signing key when a new CA becomes
/// active (the old key validates until its last token expires), and, when anything changed, publishes a new
/// <see cref="SvidSnapshot"/> and wakes every waiting stream. Thread-safe. Replaced SVIDs are not disposed (a stream may
/// still be sending them); the garbage collector frees them.
/// </summary>
internal sealed class SvidCache : IDisposable
{
    private readonly X509CaRotator _rotator;
    private readonly TimeProvider _time;
    private readonly TimeSpan? _svidTtl;
    private readonly Random _random;
    private readonly TimeSpan _checkInterval;
    private readonly Action<string> _log;
    private readonly JwtKeySet _jwtKeys;
    private readonly TimeSpan _jwtTtl;
    private readonly Lock _lock = new();
    private IReadOnlyList<SpiffeId> _ids = [];
    private SvidSnapshot _current;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _timer;
    private string? _lastPrepareError;

    public SvidCache(X509CaRotator rotator, JwtKeySet jwtKeys, TimeSpan jwtTtl, TimeProvider time, TimeSpan? svidTtl, Random random, TimeSpan checkInterval, Action<string> log)
    {
        _jwtKeys = jwtKeys;
        _jwtTtl = jwtTtl;
        _rotator = rotator;
        _time = time;
        _svidTtl = svidTtl;
        _random = random;
        _checkInterval = checkInterval;
        _log = log;
        var bundle = rotator.Bundle();
        _current = new SvidSnapshot(1, ImmutableDictionary<SpiffeId, IssuedSvid>.Empty, rotator.Active.TrustDomain,
            UnsafeByteOperations.UnsafeWrap(bundle.X509AuthoritiesDer()), rotator.BundleSequence, jwtKeys.Version);
    }

    public SvidSnapshot Current
    {
        get { lock (_lock) return _current; }
    }

    /// <summary>Issues an SVID for every id now and starts the renewal timer.</summary>
    public void Start(IEnumerable<SpiffeId> ids)
    {
        lock (_lock) _ids = ids.Distinct().ToList();
        Refresh();
        _timer = _time.CreateTimer(_ => RefreshFromTimer(), null, _checkInterval, _checkInterval);
    }

    /// <summary>Completes when the snapshot's version differs from <paramref name="seenVersion"/> (at once if it already does).</summary>
    public Task WaitForChangeAsync(ulong seenVersion, CancellationToken cancellationToken)
    {
        lock (_lock)
            return _current.Version != seenVersion ? Task.CompletedTask : _changed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>One renewal pass at the clock's now (the timer's callback; tests may call it directly).</summary>
    public void Refresh()
    {
        TaskCompletionSource? wake = null;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            foreach (var e in _rotator.Tick())
            {
                // The rotator retries a failed preparation on every tick: say so once, not every second.
                if (e.Step == CaRotationStep.PrepareFailed && e.Error == _lastPrepareError) continue;
                _lastPrepareError = e.Step == CaRotationStep.PrepareFailed ? e.Error : null;
                _log($"CA rotation: {e.Step} {e.SerialNumber}{(e.Error is null ? "" : ": " + e.Error)} at {e.At:u}");
                if (e.Step == CaRotationStep.Activated) _jwtKeys.Rotate(now + _jwtTtl);
            }
            _jwtKeys.Prune(now);
            var svids = _current.Svids.ToImmutableDictionary();
            foreach (var id in _ids)
            {
                if (svids.TryGetValue(id, out var held) && !SvidRenewal.IsDue(held.RenewAt, held.NotAfter, now)) continue;
                var issued = Issue(id);
                if (issued is not null) svids = svids.SetItem(id, issued);
            }
            var sequence = _rotator.BundleSequence;
            var bundleChanged = sequence != _current.BundleSequence;
            var jwtVersion = _jwtKeys.Version;
            if (bundleChanged || jwtVersion != _current.JwtKeysVersion || !SameSvids(svids, _current.Svids))
            {
                var bundle = bundleChanged ? UnsafeByteOperations.UnsafeWrap(_rotator.Bundle().X509AuthoritiesDer()) : _current.BundleDer;
                _current = new SvidSnapshot(_current.Version + 1, svids, _current.TrustDomain, bundle, sequence, jwtVersion);
                wake = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
        wake?.TrySetResult();
    }

    /// <summary>A timer callback must not throw (it would end the process): a failed pass is logged and the next one retries.</summary>
    private void RefreshFromTimer()
    {
        try
        {
            Refresh();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _log($"renewal check failed ({e.GetType().Name}): {e.Message}; retried at the next check");
        }
    }

    private IssuedSvid? Issue(SpiffeId id)
    {
        var issuance = _rotator.Issue(new SvidRequest { Id = id, Ttl = _svidTtl });
        if (!issuance.Succeeded || issuance.Svid is null)
        {
            _log($"cannot issue an X.509-SVID for {id}: {issuance.Error} (retried at the next check)");
            return null;
        }
        var svid = issuance.Svid;
        if (issuance.Clamped) _log($"the X.509-SVID for {id} was cut to end with its CA at {svid.NotAfter:u}");
        return new IssuedSvid(id, svid.Leaf.SerialNumber, UnsafeByteOperations.UnsafeWrap(svid.ChainDer()), UnsafeByteOperations.UnsafeWrap(svid.PrivateKeyPkcs8()),
            svid.NotAfter, SvidRenewal.RenewAt(svid, _random));
    }

    private static bool SameSvids(IReadOnlyDictionary<SpiffeId, IssuedSvid> a, IReadOnlyDictionary<SpiffeId, IssuedSvid> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var other) && ReferenceEquals(kv.Value, other));

    public void Dispose() => _timer?.Dispose();
}
