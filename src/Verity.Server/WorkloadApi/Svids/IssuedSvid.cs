using Google.Protobuf;
using Verity.Identity;

namespace Verity.Server.WorkloadApi.Svids;

/// <summary>An X.509-SVID as the Workload API sends it (DER chain, PKCS#8 key), with when it is renewed.</summary>
internal sealed record IssuedSvid(SpiffeId Id, string SerialNumber, ByteString ChainDer, ByteString KeyPkcs8, DateTimeOffset NotAfter, DateTimeOffset RenewAt);
