using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Verity.Identity;
using Verity.Server.WorkloadApi.Attestation;
using Verity.Server.WorkloadApi.Entries;
using Verity.Server.WorkloadApi.Jwt;
using Verity.Server.WorkloadApi.Proto;
using Verity.Server.WorkloadApi.Svids;

namespace Verity.Server.WorkloadApi.Hosting;

/// <summary>
/// The SPIFFE Workload API over gRPC. Every call (after <see cref="SecurityHeaderInterceptor"/>) is attested from the
/// connection's peer credentials and mapped to registration entries; a caller with no entry gets PermissionDenied
/// "no identity issued" (SPIRE's status and text), except ValidateJWTSVID, which needs no identity (as in SPIRE).
/// Streams send the current state at once, then again whenever it changes for the caller.
/// </summary>
internal sealed class WorkloadApiService(WorkloadApiState state) : SpiffeWorkloadAPI.SpiffeWorkloadAPIBase
{
    public const string NoIdentity = "no identity issued";

    public override async Task FetchX509SVID(X509SVIDRequest request, IServerStreamWriter<X509SVIDResponse> responseStream, ServerCallContext context)
    {
        var entries = Identities(context);
        string? sent = null;
        await StreamAsync(context, async snapshot =>
        {
            var response = new X509SVIDResponse();
            var serials = new List<string>();
            foreach (var entry in entries)
            {
                if (!snapshot.Svids.TryGetValue(entry.SpiffeId, out var svid)) continue;
                serials.Add(svid.SerialNumber);
                response.Svids.Add(new X509SVID
                {
                    SpiffeId = entry.SpiffeId.ToString(), X509Svid = svid.ChainDer, X509SvidKey = svid.KeyPkcs8, Bundle = snapshot.BundleDer, Hint = entry.Hint,
                });
            }
            if (response.Svids.Count == 0) throw new RpcException(new Status(StatusCode.Unavailable, $"no X.509-SVID could be issued yet for {string.Join(", ", entries.Select(e => e.SpiffeId))}"));
            var key = string.Join(",", serials) + "|" + snapshot.BundleSequence;
            if (key == sent) return;
            await responseStream.WriteAsync(response, context.CancellationToken);
            sent = key;
        });
    }

    public override async Task FetchX509Bundles(X509BundlesRequest request, IServerStreamWriter<X509BundlesResponse> responseStream, ServerCallContext context)
    {
        Identities(context);
        ulong? sent = null;
        await StreamAsync(context, async snapshot =>
        {
            if (sent == snapshot.BundleSequence) return;
            var response = new X509BundlesResponse();
            response.Bundles.Add(snapshot.TrustDomain.Id.ToString(), snapshot.BundleDer);
            await responseStream.WriteAsync(response, context.CancellationToken);
            sent = snapshot.BundleSequence;
        });
    }

    public override Task<JWTSVIDResponse> FetchJWTSVID(JWTSVIDRequest request, ServerCallContext context)
    {
        if (request.Audience.Count == 0 || request.Audience.Any(string.IsNullOrEmpty))
            throw new RpcException(new Status(StatusCode.InvalidArgument, "audience must be specified"));
        SpiffeId? wanted = null;
        if (request.SpiffeId.Length > 0)
        {
            if (!SpiffeId.TryParse(request.SpiffeId, out var parsed, out var error))
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"invalid requested SPIFFE ID: {error}"));
            wanted = parsed;
        }
        var entries = Identities(context).Where(e => wanted is null || e.SpiffeId == wanted).ToList();
        if (entries.Count == 0) throw new RpcException(new Status(StatusCode.PermissionDenied, NoIdentity));
        var now = state.Options.Time.GetUtcNow();
        var response = new JWTSVIDResponse();
        foreach (var entry in entries)
        {
            var token = JwtSvidSigner.Sign(state.JwtKeys.Current, entry.SpiffeId, request.Audience.ToList(), state.Options.JwtSvidTtl, now);
            response.Svids.Add(new JWTSVID { SpiffeId = entry.SpiffeId.ToString(), Svid = token, Hint = entry.Hint });
        }
        return Task.FromResult(response);
    }

    public override async Task FetchJWTBundles(JWTBundlesRequest request, IServerStreamWriter<JWTBundlesResponse> responseStream, ServerCallContext context)
    {
        Identities(context);
        ulong? sent = null;
        await StreamAsync(context, async snapshot =>
        {
            if (sent == snapshot.JwtKeysVersion) return;
            var response = new JWTBundlesResponse();
            response.Bundles.Add(state.TrustDomain.Id.ToString(), UnsafeByteOperations.UnsafeWrap(state.JwtKeys.JwksBytes()));
            await responseStream.WriteAsync(response, context.CancellationToken);
            sent = snapshot.JwtKeysVersion;
        });
    }

    public override Task<ValidateJWTSVIDResponse> ValidateJWTSVID(ValidateJWTSVIDRequest request, ServerCallContext context)
    {
        if (request.Audience.Length == 0) throw new RpcException(new Status(StatusCode.InvalidArgument, "audience must be specified"));
        if (request.Svid.Length == 0) throw new RpcException(new Status(StatusCode.InvalidArgument, "svid must be specified"));
        Attest(context);
        var result = JwtSvidValidator.Validate(request.Svid, request.Audience, state.JwtKeys.Find, state.Options.Time.GetUtcNow());
        if (!result.IsValid) throw new RpcException(new Status(StatusCode.InvalidArgument, result.Error));
        return Task.FromResult(new ValidateJWTSVIDResponse { SpiffeId = result.SpiffeId.Value.ToString(), Claims = JsonParser.Default.Parse<Struct>(result.ClaimsJson) });
    }

    /// <summary>The caller's entries; PermissionDenied when there are none.</summary>
    private IReadOnlyList<RegistrationEntry> Identities(ServerCallContext context)
    {
        var entries = EntryMatcher.Match(state.Options.Entries, Attest(context));
        if (entries.Count == 0) throw new RpcException(new Status(StatusCode.PermissionDenied, NoIdentity));
        return entries;
    }

    private IReadOnlySet<Selector> Attest(ServerCallContext context)
    {
        var feature = context.GetHttpContext().Features.Get<PeerCredentialsFeature>();
        if (feature?.Credentials is not { } peer)
            throw new RpcException(new Status(StatusCode.Internal, $"cannot attest the caller: {feature?.Error ?? "no peer credentials on the connection"}"));
        return state.Attestor.Attest(peer);
    }

    /// <summary>
    /// Calls <paramref name="send"/> with the current snapshot, then with each new one, until the call ends or the server
    /// stops (the stream then ends with OK; SPIFFE clients reconnect).
    /// </summary>
    private async Task StreamAsync(ServerCallContext context, Func<SvidSnapshot, Task> send)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, state.Stopping.Token);
        try
        {
            while (!linked.IsCancellationRequested)
            {
                var snapshot = state.Svids.Current;
                await send(snapshot);
                await state.Svids.WaitForChangeAsync(snapshot.Version, linked.Token);
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
        }
    }
}
