using Verity.Identity;
using Verity.Server.WorkloadApi.Attestation;
using Verity.Server.WorkloadApi.Jwt;
using Verity.Server.WorkloadApi.Svids;

namespace Verity.Server.WorkloadApi.Hosting;

/// <summary>Everything the gRPC service needs, shared by all calls: options, the attestor, the SVID cache, the JWT keys.</summary>
internal sealed class WorkloadApiState(WorkloadApiServerOptions options, SvidCache svids, JwtKeySet jwtKeys)
{
    public WorkloadApiServerOptions Options { get; } = options;

    public WorkloadAttestor Attestor { get; } = new(options.ReadCgroup, options.ResolvePod);

    public SvidCache Svids { get; } = svids;

    public JwtKeySet JwtKeys { get; } = jwtKeys;

    public TrustDomain TrustDomain => JwtKeys.TrustDomain;

    /// <summary>Cancelled when the server begins to stop, so that open streams end instead of holding the shutdown up.</summary>
    public CancellationTokenSource Stopping { get; } = new();

}
