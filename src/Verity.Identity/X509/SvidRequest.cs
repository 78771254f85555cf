using System.Security.Cryptography;

namespace Verity.Identity.X509;

/// <summary>What to sign: a workload's SPIFFE ID, an optional lifetime (default: the CA's leaf TTL), optional DNS SANs, and optionally the key pair to certify (default: a new ECDSA P-256 key).</summary>
public sealed record SvidRequest
{
    public required SpiffeId Id { get; init; }

    public TimeSpan? Ttl { get; init; }

    /// <summary>Extra DNS SANs; X509-SVID.md section 2 allows them beside the one URI SAN.</summary>
    public IReadOnlyList<string> DnsNames { get; init; } = [];

    /// <summary>The workload's key; null makes a fresh P-256 key (how the Workload API hands out SVIDs).</summary>
    public ECDsa? Key { get; init; }
}
