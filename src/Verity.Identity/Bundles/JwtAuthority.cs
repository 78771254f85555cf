namespace Verity.Identity.Bundles;

/// <summary>
/// A JWT-SVID signing key of a bundle (<c>use: "jwt-svid"</c>), kept as its JWK object so a federated bundle round-trips
/// unchanged. The Workload API server (src/Verity.Server/WorkloadApi) signs JWT-SVIDs with its own keys; these come from federated bundles.
/// </summary>
public sealed record JwtAuthority(string KeyId, string JwkJson);
