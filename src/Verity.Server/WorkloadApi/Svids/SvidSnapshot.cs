using Google.Protobuf;
using Verity.Identity;

namespace Verity.Server.WorkloadApi.Svids;

/// <summary>
/// What the server holds at one moment: the current SVID of every identity, the trust domain's X.509 bundle and its
/// sequence number, and the version of the JWT key set. <see cref="Version"/> grows whenever any of it changes. Immutable.
/// </summary>
internal sealed record SvidSnapshot(ulong Version, IReadOnlyDictionary<SpiffeId, IssuedSvid> Svids, TrustDomain TrustDomain, ByteString BundleDer, ulong BundleSequence, ulong JwtKeysVersion);
