namespace Verity.Server.WorkloadApi.Attestation;

/// <summary>
/// Connection feature set by the Unix socket's connection middleware when the connection is accepted: the peer's
/// credentials, or why they could not be read. The gRPC service reads it from the call's HttpContext.
/// </summary>
internal sealed record PeerCredentialsFeature(PeerCredentials? Credentials, string? Error);
